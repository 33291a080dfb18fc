import { describe, expect, it } from 'vitest';
import { commandForKey, isTypingTarget, SHORTCUT_LABELS, transferPrefixForKey } from '../../../../manager-ui/src/logic/shortcuts.js';

describe('counter keyboard shortcuts', () => {
  it.each([
    [{ key: ' ', code: 'Space' }, 'call_next'],
    [{ key: 'F1', code: 'F1' }, 'call_next'],
    [{ key: 'r' }, 'recall'],
    [{ key: 'R' }, 'recall'],
    [{ key: 's' }, 'start'],
    [{ key: 'c' }, 'complete'],
    [{ key: 'n' }, 'no_show'],
    [{ key: 't' }, 'transfer'],
    [{ key: 'x' }, null],
    [{ key: 'Enter' }, null],
  ])('maps %j to %s', (press, command) => {
    expect(commandForKey(press)).toBe(command);
  });

  it('recognises Space by its code whatever the layout reports as its key', () => {
    expect(commandForKey({ key: 'Spacebar', code: 'Space' })).toBe('call_next');
  });

  it('leaves browser chords alone (Ctrl+R reloads, it must not recall)', () => {
    expect(commandForKey({ key: 'r', ctrlKey: true })).toBeNull();
    expect(commandForKey({ key: 'c', metaKey: true })).toBeNull();
    expect(commandForKey({ key: 'n', altKey: true })).toBeNull();
  });

  it('shows a key cap for every command', () => {
    expect(SHORTCUT_LABELS).toEqual({ call_next: 'Space / F1', complete_and_call_next: 'F2', recall: 'R', start: 'S', complete: 'C', no_show: 'N', transfer: 'T' });
  });

  it('picks a transfer target by its service letter while the picker is open', () => {
    expect(transferPrefixForKey({ key: 'b' }, ['A', 'B', 'C'])).toBe('B');
    expect(transferPrefixForKey({ key: 'Z' }, ['A', 'B', 'C'])).toBeNull();
    expect(transferPrefixForKey({ key: 'b', ctrlKey: true }, ['A', 'B'])).toBeNull();
    expect(transferPrefixForKey({ key: 'Escape' }, ['A', 'B'])).toBeNull();
  });

  describe('with a Chinese input method on (the key is "Process" while it composes)', () => {
    it.each([
      ['KeyN', 'no_show'],
      ['KeyR', 'recall'],
      ['KeyS', 'start'],
      ['KeyC', 'complete'],
      ['KeyT', 'transfer'],
      ['Space', 'call_next'],
      ['F2', 'complete_and_call_next'],
    ])('still acts on the code %s: %s', (code, command) => {
      expect(commandForKey({ key: 'Process', code, isComposing: true })).toBe(command);
    });

    it('acts on the key’s position, not on the character the layout or method reports', () => {
      expect(commandForKey({ key: 'ㄙ', code: 'KeyN' })).toBe('no_show');
      expect(commandForKey({ key: 'n', code: 'KeyJ' })).toBeNull();
    });

    it('picks a transfer target by the letter key’s code', () => {
      expect(transferPrefixForKey({ key: 'Process', code: 'KeyB', isComposing: true }, ['A', 'B'])).toBe('B');
      expect(transferPrefixForKey({ key: 'Process', code: 'Digit1' }, ['A', 'B'])).toBeNull();
    });

    it('still leaves browser chords alone', () => {
      expect(commandForKey({ key: 'Process', code: 'KeyR', ctrlKey: true })).toBeNull();
    });
  });

  it('ignores keys typed into form fields', () => {
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTypingTarget({ tagName: 'textarea' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
