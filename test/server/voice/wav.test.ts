import { describe, expect, it } from 'vitest';
import { durationSeconds, LEAD_SECONDS, normaliseLoudness, PEAK_LIMIT_DBFS, readWav, TAIL_SECONDS, trimSilence, writeWav, type Pcm } from '../../../server/src/voice/wav.js';

const RATE = 22_050;
/** Silence, a 440 Hz tone of `toneSeconds` at `amplitude`, silence. */
function padded(before: number, toneSeconds: number, after: number, amplitude = 8000): Pcm {
  const n = (s: number) => Math.round(s * RATE);
  const samples = new Int16Array(n(before) + n(toneSeconds) + n(after));
  for (let i = 0; i < n(toneSeconds); i++) samples[n(before) + i] = Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / RATE));
  return { sampleRate: RATE, channels: 1, samples };
}

describe('WAV handling of the voice packs', () => {
  it('reads back what it writes', () => {
    const pcm = padded(0.1, 0.2, 0.1);
    const back = readWav(writeWav(pcm));
    expect(back.sampleRate).toBe(RATE);
    expect(back.channels).toBe(1);
    expect(Array.from(back.samples)).toEqual(Array.from(pcm.samples));
  });

  it('reads a WAV whose data size is unset, as espeak-ng writes to a pipe', () => {
    const bytes = writeWav(padded(0, 0.1, 0));
    bytes.writeUInt32LE(0xffffffff, 40);
    expect(readWav(bytes).samples.length).toBe(Math.round(0.1 * RATE));
  });

  it('refuses what is not 16-bit PCM WAV', () => {
    expect(() => readWav(Buffer.from('ID3\u0004 not a wav at all'))).toThrow(/RIFF/);
    const float = writeWav(padded(0, 0.1, 0));
    float.writeUInt16LE(3, 20);
    expect(() => readWav(float)).toThrow(/16-bit PCM/);
  });

  it('trims leading and trailing silence, keeping a short lead-in and tail', () => {
    const trimmed = trimSilence(padded(0.5, 0.3, 0.7));
    // The tone's first and last samples are near zero crossings, so allow a few ms either side.
    expect(durationSeconds(trimmed)).toBeGreaterThan(0.3 + LEAD_SECONDS + TAIL_SECONDS - 0.005);
    expect(durationSeconds(trimmed)).toBeLessThan(0.3 + LEAD_SECONDS + TAIL_SECONDS + 0.002);
  });

  it('leaves nothing of a silent clip', () => {
    expect(trimSilence(padded(0.2, 0, 0.2)).samples.length).toBe(0);
  });

  it('evens out loudness: a quiet and a loud word end up equally loud, never clipping', () => {
    const rms = (p: Pcm) => Math.sqrt(p.samples.reduce((sum, s) => sum + s * s, 0) / p.samples.length);
    const quiet = normaliseLoudness(padded(0, 0.3, 0, 1500));
    const loud = normaliseLoudness(padded(0, 0.3, 0, 30000));
    expect(rms(quiet)).toBeCloseTo(rms(loud), -1);
    const peak = Math.max(...Array.from(loud.samples, Math.abs));
    expect(peak).toBeLessThanOrEqual(Math.ceil(32767 * 10 ** (PEAK_LIMIT_DBFS / 20)));
  });
});
