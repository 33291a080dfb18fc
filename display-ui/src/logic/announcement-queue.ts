/**
 * Announces calls one after another: chime, then the recorded voice pack's clips (where the
 * display has one), else each sentence through speech, then the next call.
 * Calls that arrive together are all announced in arrival order, none dropped and never two
 * at once. A step that fails or never finishes (speech engines sometimes never fire `onend`)
 * is abandoned after a timeout, so one stuck utterance cannot silence the hall.
 *
 * Pure: sound comes in as `chime()`, `playVoice()` and `speak()`, so tests drive it with fakes and fake timers.
 */
import type { Utterance } from './announcement-text.js';

export interface AnnouncementQueueOptions<T> {
  /** Plays the chime; resolves when it has finished. */
  chime: () => Promise<void>;
  /**
   * Plays the call from a voice pack; resolves true once played, false when no pack can say it
   * (then the sentences go to speech). Absent: speech only.
   */
  playVoice?: (payload: T) => Promise<boolean>;
  /** Speaks one sentence; resolves when the engine reports the end (or an error). */
  speak: (text: string, lang: string) => Promise<void>;
  /** Silences the engine after a timeout, so a late utterance cannot overlap the next. */
  cancelSpeech?: () => void;
  /** Called as an announcement begins: the screen puts that call in the spotlight. */
  onStart?: (payload: T) => void;
  /** Failures and timeouts, for the console; the queue carries on. */
  onError?: (error: unknown) => void;
  chimeTimeoutMs?: number;
  voiceTimeoutMs?: number;
  utteranceTimeoutMs?: number;
  /** Each call holds the spotlight at least this long, even when the hall is silent. */
  minDurationMs?: number;
}

export interface Announcement<T> {
  payload: T;
  utterances: Utterance[];
}

export const DEFAULT_CHIME_TIMEOUT_MS = 3_000;
/** Long enough for the longest sentence at a slow rate; short enough that a stuck engine costs little. */
export const DEFAULT_UTTERANCE_TIMEOUT_MS = 10_000;
export const DEFAULT_MIN_DURATION_MS = 5_000;
/** Three languages of clips, with the first call's fetching and decoding of the packs. */
export const DEFAULT_VOICE_TIMEOUT_MS = 20_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class StepTimeoutError extends Error {
  constructor(step: string, ms: number) {
    super(`${step} did not finish within ${ms} ms`);
    this.name = 'StepTimeoutError';
  }
}

export class AnnouncementQueue<T> {
  private readonly waiting: Announcement<T>[] = [];
  private current: Announcement<T> | null = null;
  private idleWaiters: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly options: AnnouncementQueueOptions<T>) {}

  /** Adds a call to the end of the queue and starts announcing if the queue was idle. */
  enqueue(payload: T, utterances: Utterance[]): void {
    if (this.disposed) return;
    this.waiting.push({ payload, utterances });
    if (!this.current) void this.drain();
  }

  /** Calls waiting, not counting the one being announced. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Whether an announcement is under way. */
  get busy(): boolean {
    return this.current !== null;
  }

  /** Resolves once every queued call has been announced. */
  whenIdle(): Promise<void> {
    if (!this.current) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops what is still waiting and accepts nothing more (the screen is going away). */
  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
  }

  private async drain(): Promise<void> {
    const { minDurationMs = DEFAULT_MIN_DURATION_MS } = this.options;
    while (!this.disposed && this.waiting.length > 0) {
      const announcement = this.waiting.shift()!;
      this.current = announcement;
      const startedAt = Date.now();
      this.report(() => this.options.onStart?.(announcement.payload));
      await this.step('chime', () => this.options.chime(), this.options.chimeTimeoutMs ?? DEFAULT_CHIME_TIMEOUT_MS);
      let played = false;
      const playVoice = this.options.playVoice;
      if (playVoice) {
        const timeoutMs = this.options.voiceTimeoutMs ?? DEFAULT_VOICE_TIMEOUT_MS;
        await this.step('voice pack', async () => void (played = await playVoice(announcement.payload)), timeoutMs);
      }
      for (const { text, lang } of played ? [] : announcement.utterances) {
        const timeoutMs = this.options.utteranceTimeoutMs ?? DEFAULT_UTTERANCE_TIMEOUT_MS;
        const finished = await this.step(`speech "${text}"`, () => this.options.speak(text, lang), timeoutMs);
        if (!finished) this.report(() => this.options.cancelSpeech?.());
      }
      const rest = minDurationMs - (Date.now() - startedAt);
      if (rest > 0 && !this.disposed) await sleep(rest);
    }
    this.current = null;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  /** Runs one step with a timeout; true if it finished in time (even with an error). */
  private async step(name: string, run: () => Promise<void>, timeoutMs: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([Promise.resolve().then(run).then(() => 'done' as const), timedOut]);
      if (outcome === 'timeout') {
        this.options.onError?.(new StepTimeoutError(name, timeoutMs));
        return false;
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      clearTimeout(timer);
    }
    return true;
  }

  /** Runs a callback of the host; a throwing callback must not stop the queue. */
  private report(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
