import { describe, expect, it } from 'vitest';
import { cardNumberOf, createCardReader } from '../../../kiosk-ui/src/logic/card-reader.js';
import { INITIAL_FLOW, issueRequest, nextFlow, type KioskFlow } from '../../../kiosk-ui/src/logic/kiosk-flow.js';
import type { Service, Tier } from '../../../protocol/index.js';

/** Feeds `text` then Enter, one key every `gapMs`, starting at `startMs`; the reader's answer to the Enter. */
function type(reader: ReturnType<typeof createCardReader>, text: string, gapMs: number, startMs = 1000): string | null {
  let at = startMs;
  for (const key of text) {
    expect(reader.key(key, at)).toBeNull();
    at += gapMs;
  }
  return reader.key('Enter', at);
}

describe('a card reader that types like a keyboard', () => {
  it.each([
    ['track 2', ';6222020200012345678=25121010000000000000?', '6222020200012345678'],
    ['track 1', '%B6222020200012345678^CHAN/TAI MAN^2512101?', '6222020200012345678'],
    ['plain digits', '6222020200012345', '6222020200012345'],
  ])('reads the card number from %s sent fast and ended by Enter', (_case, swipe, number) => {
    expect(type(createCardReader(), swipe, 8)).toBe(number);
  });

  it('ignores a person typing digits and Enter at human speed', () => {
    expect(type(createCardReader(), '62220202', 180)).toBeNull();
  });

  it('ignores an Enter long after a fast burst, and a burst that is not a card', () => {
    const reader = createCardReader();
    for (const [i, key] of [...'62220202'].entries()) reader.key(key, 1000 + i * 5);
    expect(reader.key('Enter', 2000)).toBeNull();
    expect(type(reader, 'hello world', 5, 3000)).toBeNull();
    expect(type(reader, '123', 5, 4000)).toBeNull();
  });

  it('starts afresh after a slow key, so a stray key before a swipe does not spoil it', () => {
    const reader = createCardReader();
    reader.key('7', 500);
    expect(type(reader, ';6222020200012345=2512?', 6, 900)).toBe('6222020200012345');
  });

  it('lets Shift and other named keys pass inside a burst', () => {
    const reader = createCardReader();
    let at = 0;
    for (const key of ['Shift', '%', 'B', '6', '2', '2', '2', '0', '2', '0', '2', 'Shift', '^', 'A', '^', '?']) reader.key(key, (at += 4));
    expect(reader.key('Enter', at + 4)).toBe('62220202');
  });

  it('keeps 4–19 digits only', () => {
    expect(cardNumberOf(';123=?')).toBeNull();
    expect(cardNumberOf('12345678901234567890')).toBeNull();
    expect(cardNumberOf('6222-0202 0001')).toBe('622202020001');
  });
});

describe('the kiosk flow with a card reader and a VIP list', () => {
  const savings = { id: 'demo-a', prefix: 'A', name: { en: 'Savings', zhHant: '儲蓄', zhHans: '储蓄' } } as Service;
  const chosen = (tiers: Tier[] = ['regular', 'priority']) => ({ type: 'service-chosen' as const, service: savings, tiers, suggestion: null });

  it('a card read on the start screen makes the ticket VIP and skips both the tier question and the keypad', () => {
    let flow: KioskFlow = nextFlow(INITIAL_FLOW, { type: 'card-read', customerRef: '6222020200012345' });
    expect(flow).toMatchObject({ tier: 'vip', step: { name: 'start' }, cardRef: '6222020200012345' });
    flow = nextFlow(flow, chosen());
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'vip', customerRef: '6222020200012345' });
  });

  it('a card read is forgotten on reset (its holder walked away)', () => {
    const swiped = nextFlow(INITIAL_FLOW, { type: 'card-read', customerRef: '6222020200012345' });
    expect(nextFlow(swiped, { type: 'reset' })).toEqual(INITIAL_FLOW);
  });

  it('a card read on the VIP screen sends its number at once', () => {
    let flow = nextFlow(INITIAL_FLOW, chosen(['vip']));
    expect(flow.step.name).toBe('vip-ref');
    flow = nextFlow(flow, { type: 'card-read', customerRef: '88887777' });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'vip', customerRef: '88887777' });
  });

  it('a number not on the VIP list leads to the kind refusal, then a regular or priority ticket without the number', () => {
    let flow = nextFlow(INITIAL_FLOW, { type: 'card-read', customerRef: '88887777' });
    flow = nextFlow(flow, chosen());
    flow = nextFlow(flow, { type: 'issue-failed', code: 'VIP_NOT_RECOGNISED', message: 'not on the list' });
    expect(flow).toEqual({ tier: 'vip', step: { name: 'vip-refused', service: savings } });
    const priority = nextFlow(flow, { type: 'vip-refused-choose', tier: 'priority' });
    expect(issueRequest(priority)).toEqual({ serviceId: 'demo-a', tier: 'priority' });
  });

  it('other failures still show the failure screen', () => {
    let flow = nextFlow(INITIAL_FLOW, chosen(['regular']));
    flow = nextFlow(flow, { type: 'issue-failed', code: 'NUMBERS_EXHAUSTED', message: 'all used' });
    expect(flow.step.name).toBe('failed');
  });
});
