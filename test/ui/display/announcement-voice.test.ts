/** The announcement queue with a voice pack: clips when the pack can say the call, speech when it cannot, one call at a time. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncementQueue, DEFAULT_VOICE_TIMEOUT_MS, StepTimeoutError } from '../../../display-ui/src/logic/announcement-queue.js';
import { packSources } from '../../../display-ui/src/audio/hall-voice.js';

function hall(voice: (number: string) => boolean | 'stuck') {
  const log: string[] = [];
  const errors: unknown[] = [];
  const after = (ms: number, what: string) => new Promise<void>((resolve) => setTimeout(() => (log.push(`${what} @${Date.now()}`), resolve()), ms));
  const queue = new AnnouncementQueue<string>({
    minDurationMs: 0,
    chime: () => after(1_000, 'chime'),
    playVoice: async (number) => {
      const outcome = voice(number);
      if (outcome === 'stuck') return new Promise<boolean>(() => {});
      if (!outcome) return false;
      await after(3_000, `clips ${number}`);
      return true;
    },
    speak: (text) => after(2_000, `speech ${text}`),
    onError: (error) => errors.push(error),
  });
  return { queue, log, errors };
}

describe('announcing from a voice pack', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => vi.useRealTimers());

  it('plays the clips after the chime and speaks nothing when the pack can say the call', async () => {
    const { queue, log } = hall(() => true);
    queue.enqueue('A023', [{ text: 'zh A023', lang: 'zh-TW' }]);
    queue.enqueue('A024', [{ text: 'zh A024', lang: 'zh-TW' }]);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['chime @1000', 'clips A023 @4000', 'chime @5000', 'clips A024 @8000']);
  });

  it('falls back to speech when no pack can say the call (the display without its pack)', async () => {
    const { queue, log } = hall((number) => number !== 'Z999');
    queue.enqueue('Z999', [
      { text: 'zh Z999', lang: 'zh-TW' },
      { text: 'en Z999', lang: 'en-US' },
    ]);
    queue.enqueue('A001', [{ text: 'zh A001', lang: 'zh-TW' }]);
    await vi.runAllTimersAsync();
    expect(log).toEqual(['chime @1000', 'speech zh Z999 @3000', 'speech en Z999 @5000', 'chime @6000', 'clips A001 @9000']);
  });

  it('gives up on a pack that never finishes, speaks instead, and goes on to the next call', async () => {
    const { queue, log, errors } = hall((number) => (number === 'A1' ? 'stuck' : true));
    queue.enqueue('A1', [{ text: 'zh A1', lang: 'zh-TW' }]);
    queue.enqueue('A2', []);
    await vi.runAllTimersAsync();
    const voiceGaveUp = 1_000 + DEFAULT_VOICE_TIMEOUT_MS;
    expect(log).toEqual([`chime @1000`, `speech zh A1 @${voiceGaveUp + 2_000}`, `chime @${voiceGaveUp + 3_000}`, `clips A2 @${voiceGaveUp + 6_000}`]);
    expect(errors[0]).toBeInstanceOf(StepTimeoutError);
  });
});

describe('where the display looks for a pack', () => {
  it('takes the branch’s own pack first and the built-in one after it, the built-in alone, or none for speech', () => {
    expect(packSources({ announcementVoice: 'branch' }, 'demo')('yue')).toEqual(['/api/branches/demo/voice-pack/yue/manifest.json', '/voice/builtin/yue/manifest.json']);
    expect(packSources({ announcementVoice: 'builtin' }, 'demo')('cmn')).toEqual(['/voice/builtin/cmn/manifest.json']);
    expect(packSources({ announcementVoice: 'speech' }, 'demo')('en')).toEqual([]);
  });
});
