/**
 * How the phone tells its holder they are called, beside the full-screen message: a vibration and
 * a short two-note chime made with Web Audio (no sound file to load). Browsers let a page make
 * sound only after the person touched it, so the first touch anywhere on the page unlocks audio.
 */

/** Long, short, long: felt in a pocket, and unlike a message notification. */
export const CALL_VIBRATION: readonly number[] = [500, 200, 500, 200, 800];

type AudioContextClass = typeof AudioContext;
let context: AudioContext | null = null;

function audio(): AudioContext | null {
  const Ctor = (globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass }).AudioContext
    ?? (globalThis as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Ctor) return null;
  context ??= new Ctor();
  return context;
}

/** Unlocks sound on the page's first touch or key (call once; it removes itself). */
export function unlockAudioOnFirstTouch(target: EventTarget = document): void {
  const unlock = () => {
    void audio()?.resume().catch(() => undefined);
    target.removeEventListener('pointerdown', unlock);
    target.removeEventListener('keydown', unlock);
  };
  target.addEventListener('pointerdown', unlock);
  target.addEventListener('keydown', unlock);
}

/** Plays a bright chime: two notes, a fifth apart, with soft edges so it never clicks. */
export function playCallChime(): void {
  const ctx = audio();
  if (!ctx) return;
  void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  [880, 1318.5, 880, 1318.5].forEach((frequency, i) => {
    const at = start + i * 0.28;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.4, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.26);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.27);
  });
}

/** Vibrates (where the phone can) and chimes: the ticket was just called, or called again. */
export function signalCall(): void {
  navigator.vibrate?.([...CALL_VIBRATION]);
  playCallChime();
}
