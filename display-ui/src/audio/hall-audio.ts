/**
 * The display's sound: a two-tone chime made with Web Audio (no audio files to ship or load),
 * the voice packs' clips on the same context (voice-pack-player.ts), and speech through the Web
 * Speech API where the browser has voices. Browsers keep audio off until someone touches the
 * page, so `suspended` tells the screen to offer its "Enable sound" button.
 */
import { chooseVoice } from '../logic/voice-choice.js';

/** Ding-dong: a falling major third, each tone decaying like a bell. */
const CHIME_TONES = [
  { hz: 784, at: 0 }, // G5
  { hz: 622.25, at: 0.42 }, // E♭5
];
const TONE_SECONDS = 0.9;
/** From the start of the first tone to the end of the last. */
export const CHIME_SECONDS = CHIME_TONES[CHIME_TONES.length - 1].at + TONE_SECONDS;
/** Scheduling a moment ahead keeps the first tone from being clipped. */
export const CHIME_LEAD_SECONDS = 0.05;
/** Slightly slower than normal speech: a hall echoes. */
const SPEECH_RATE = 0.9;

/**
 * Schedules the chime on `context` from `start` (seconds on its clock) into `destination`; returns
 * when it ends. Works on an OfflineAudioContext too, which is how the tests render a call.
 */
export function scheduleChime(context: BaseAudioContext, destination: AudioNode, start: number): number {
  for (const { hz, at } of CHIME_TONES) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = hz;
    gain.gain.setValueAtTime(0.0001, start + at);
    gain.gain.exponentialRampToValueAtTime(0.6, start + at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + TONE_SECONDS);
    oscillator.connect(gain).connect(destination);
    oscillator.start(start + at);
    oscillator.stop(start + at + TONE_SECONDS);
  }
  return start + CHIME_SECONDS;
}

export class HallAudio {
  private readonly context: AudioContext | null;
  private readonly speech: SpeechSynthesis | null;
  // Chromium may garbage-collect an utterance that nothing references, and then never fires `onend`.
  private readonly speaking = new Set<SpeechSynthesisUtterance>();

  constructor() {
    this.context = typeof AudioContext === 'function' ? new AudioContext() : null;
    this.speech = 'speechSynthesis' in globalThis ? globalThis.speechSynthesis : null;
  }

  /** True while the browser holds audio back until a tap on the page. */
  get suspended(): boolean {
    return this.context?.state === 'suspended';
  }

  /** Calls `listener` when the audio state changes; returns the unsubscribe function. */
  onStateChange(listener: () => void): () => void {
    this.context?.addEventListener('statechange', listener);
    return () => this.context?.removeEventListener('statechange', listener);
  }

  /** Unlocks sound inside a tap: resumes Web Audio and primes speech, which has the same rule. */
  async unlock(): Promise<void> {
    if (this.speech) this.speech.speak(new SpeechSynthesisUtterance(''));
    await this.context?.resume();
  }

  /** Plays the chime; resolves when it has rung out. Silent (and immediate) while audio is locked. */
  chime(): Promise<void> {
    const context = this.context;
    if (!context || context.state !== 'running') return Promise.resolve();
    const endsAt = scheduleChime(context, context.destination, context.currentTime + CHIME_LEAD_SECONDS);
    return new Promise((resolve) => setTimeout(resolve, Math.max(0, (endsAt - context.currentTime) * 1000)));
  }

  /** The Web Audio context the voice packs play on (null where the browser has none). */
  get audioContext(): AudioContext | null {
    return this.context;
  }

  /** Speaks one sentence; resolves at its end or on an engine error (the queue times out the rest). */
  speak(text: string, lang: string): Promise<void> {
    const speech = this.speech;
    // Locked audio means no tap yet: the browser would refuse speech too.
    if (!speech || this.suspended) return Promise.resolve();
    return new Promise((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      utterance.rate = SPEECH_RATE;
      utterance.voice = chooseVoice(speech.getVoices(), lang);
      const finish = () => {
        this.speaking.delete(utterance);
        resolve();
      };
      utterance.onend = finish;
      utterance.onerror = finish;
      this.speaking.add(utterance);
      speech.speak(utterance);
    });
  }

  /** Stops whatever the speech engine is saying (after a timeout). */
  cancelSpeech(): void {
    this.speech?.cancel();
    this.speaking.clear();
  }

  close(): void {
    this.cancelSpeech();
    void this.context?.close();
  }
}
