/**
 * The display's sound: a two-tone chime made with Web Audio (no audio files to ship or load)
 * and speech through the Web Speech API. Browsers keep audio off until someone touches the
 * page, so `suspended` tells the screen to offer its "Enable sound" button.
 */
import { chooseVoice } from '../logic/voice-choice.js';

/** Ding-dong: a falling major third, each tone decaying like a bell. */
const CHIME_TONES = [
  { hz: 784, at: 0 }, // G5
  { hz: 622.25, at: 0.42 }, // E♭5
];
const TONE_SECONDS = 0.9;
/** Slightly slower than normal speech: a hall echoes. */
const SPEECH_RATE = 0.9;

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
    const start = context.currentTime + 0.05;
    const endings = CHIME_TONES.map(({ hz, at }) => {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, start + at);
      gain.gain.exponentialRampToValueAtTime(0.6, start + at + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + at + TONE_SECONDS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start + at);
      oscillator.stop(start + at + TONE_SECONDS);
      return new Promise<void>((resolve) => oscillator.addEventListener('ended', () => resolve(), { once: true }));
    });
    return Promise.all(endings).then(() => undefined);
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
