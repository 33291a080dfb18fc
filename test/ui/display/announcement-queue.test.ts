import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnouncementQueue, StepTimeoutError, type AnnouncementQueueOptions } from '../../../display-ui/src/logic/announcement-queue.js';
import type { Utterance } from '../../../display-ui/src/logic/announcement-text.js';

/** A fake sound system that records what plays and when, and checks nothing overlaps. */
function fakeHall(durations: { chimeMs?: number; speechMs?: number } = {}) {
  const log: string[] = [];
  let playing = 0;
  let overlaps = 0;
  const play = (what: string, ms: number) => {
    if (playing > 0) overlaps++;
    playing++;
    log.push(`${what} @${Date.now()}`);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        playing--;
        resolve();
      }, ms),
    );
  };
  return {
    log,
    overlaps: () => overlaps,
    chime: () => play('chime', durations.chimeMs ?? 1_000),
    speak: (text: string, lang: string) => play(`${lang}:${text}`, durations.speechMs ?? 2_000),
  };
}

const say = (number: string): Utterance[] => [
  { text: `zh ${number}`, lang: 'zh-TW' },
  { text: `en ${number}`, lang: 'en-US' },
];

function queueWith(options: Partial<AnnouncementQueueOptions<string>> & Pick<AnnouncementQueueOptions<string>, 'chime' | 'speak'>) {
  const started: string[] = [];
  const errors: unknown[] = [];
  const queue = new AnnouncementQueue<string>({
    minDurationMs: 0,
    onStart: (number) => started.push(number),
    onError: (error) => errors.push(error),
    ...options,
  });
  return { queue, started, errors };
}

describe('AnnouncementQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('announces a call as a chime, then Mandarin, then English', async () => {
    const hall = fakeHall();
    const { queue, started } = queueWith(hall);
    queue.enqueue('A023', say('A023'));
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023']);
    expect(hall.log).toEqual(['chime @0', 'zh-TW:zh A023 @1000', 'en-US:en A023 @3000']);
  });

  it('announces calls that arrive at the same moment one after another, in arrival order', async () => {
    const hall = fakeHall();
    const { queue, started } = queueWith(hall);
    queue.enqueue('A023', say('A023'));
    queue.enqueue('B011', say('B011'));
    queue.enqueue('V003', say('V003'));
    expect(queue.pending).toBe(2);
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023', 'B011', 'V003']);
    expect(hall.log.map((l) => l.split(' @')[0])).toEqual([
      'chime', 'zh-TW:zh A023', 'en-US:en A023',
      'chime', 'zh-TW:zh B011', 'en-US:en B011',
      'chime', 'zh-TW:zh V003', 'en-US:en V003',
    ]);
    expect(hall.overlaps()).toBe(0);
  });

  it('loses no call in a burst, even when calls keep arriving while it speaks', async () => {
    const hall = fakeHall({ chimeMs: 300, speechMs: 700 });
    const { queue, started } = queueWith(hall);
    // Twenty calls: some at the same moment, some in the middle of an announcement.
    const arrivals = Array.from({ length: 20 }, (_, i) => ({ number: `A${String(i + 1).padStart(3, '0')}`, at: i % 3 === 0 ? 0 : i * 250 }));
    for (const { number, at } of arrivals) setTimeout(() => queue.enqueue(number, say(number)), at);
    await vi.runAllTimersAsync();
    await queue.whenIdle();
    const arrivalOrder = [...arrivals].sort((a, b) => a.at - b.at).map((a) => a.number);
    expect(started).toEqual(arrivalOrder);
    expect(hall.log).toHaveLength(60);
    expect(hall.overlaps()).toBe(0);
  });

  it('keeps each call in the spotlight at least the minimum time when the hall is silent', async () => {
    const startedAt: number[] = [];
    const queue = new AnnouncementQueue<string>({
      chime: async () => {},
      speak: async () => {},
      minDurationMs: 5_000,
      onStart: () => startedAt.push(Date.now()),
    });
    queue.enqueue('A023', say('A023'));
    queue.enqueue('B011', say('B011'));
    queue.enqueue('V003', say('V003'));
    await vi.runAllTimersAsync();
    expect(startedAt).toEqual([0, 5_000, 10_000]);
  });

  it('gives up on an utterance that never ends, silences the engine, and goes on', async () => {
    const cancelSpeech = vi.fn();
    const spoken: string[] = [];
    const { queue, started, errors } = queueWith({
      chime: async () => {},
      // The first sentence hangs forever, as some engines do when `onend` never fires.
      speak: (text) => {
        spoken.push(`${text} @${Date.now()}`);
        return text === 'zh A023' ? new Promise<void>(() => {}) : Promise.resolve();
      },
      cancelSpeech,
      utteranceTimeoutMs: 8_000,
    });
    queue.enqueue('A023', say('A023'));
    queue.enqueue('B011', say('B011'));
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023', 'B011']);
    expect(spoken).toEqual(['zh A023 @0', 'en A023 @8000', 'zh B011 @8000', 'en B011 @8000']);
    expect(cancelSpeech).toHaveBeenCalledTimes(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StepTimeoutError);
    expect(queue.busy).toBe(false);
  });

  it('gives up on a chime that never ends', async () => {
    const speak = vi.fn(async () => {});
    const { queue } = queueWith({ chime: () => new Promise<void>(() => {}), speak, chimeTimeoutMs: 3_000 });
    queue.enqueue('A023', say('A023'));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(speak).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(speak).toHaveBeenCalledTimes(2);
  });

  it('carries on after a speech engine that throws or rejects', async () => {
    const spoken: string[] = [];
    const { queue, started, errors } = queueWith({
      chime: () => Promise.reject(new Error('no audio device')),
      speak: (text) => {
        spoken.push(text);
        if (text.startsWith('zh')) throw new Error('voice missing');
        return Promise.resolve();
      },
    });
    queue.enqueue('A023', say('A023'));
    queue.enqueue('B011', say('B011'));
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023', 'B011']);
    expect(spoken).toEqual(['zh A023', 'en A023', 'zh B011', 'en B011']);
    expect(errors).toHaveLength(4);
  });

  it('is not stopped by a failing spotlight callback', async () => {
    const speak = vi.fn(async () => {});
    const queue = new AnnouncementQueue<string>({
      chime: async () => {},
      speak,
      minDurationMs: 0,
      onStart: () => {
        throw new Error('render failed');
      },
      onError: () => {},
    });
    queue.enqueue('A023', say('A023'));
    await vi.runAllTimersAsync();
    expect(speak).toHaveBeenCalledTimes(2);
  });

  it('starts again after it has gone idle', async () => {
    const hall = fakeHall();
    const { queue, started } = queueWith(hall);
    queue.enqueue('A023', say('A023'));
    await vi.runAllTimersAsync();
    expect(queue.busy).toBe(false);
    queue.enqueue('A024', say('A024'));
    expect(queue.busy).toBe(true);
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023', 'A024']);
  });

  it('drops what is waiting once disposed', async () => {
    const hall = fakeHall();
    const { queue, started } = queueWith(hall);
    queue.enqueue('A023', say('A023'));
    queue.enqueue('B011', say('B011'));
    queue.dispose();
    queue.enqueue('C001', say('C001'));
    await vi.runAllTimersAsync();
    expect(started).toEqual(['A023']);
  });
});
