/**
 * Plain-Node WAV handling for the voice packs: read 16-bit PCM, trim the silence espeak-ng
 * leaves around every word, even out loudness, and write it back. No ffmpeg: the same
 * input always gives the same bytes, so the generated packs are reproducible.
 */

/** Interleaved 16-bit samples. */
export interface Pcm {
  sampleRate: number;
  channels: number;
  samples: Int16Array;
}

/** Reads a RIFF/WAVE file of 16-bit PCM; throws on anything else. */
export function readWav(bytes: Buffer): Pcm {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; bits: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    let size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = { audioFormat: bytes.readUInt16LE(body), channels: bytes.readUInt16LE(body + 2), sampleRate: bytes.readUInt32LE(body + 4), bits: bytes.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!format) throw new Error('WAV data before its format');
      if (format.audioFormat !== 1 || format.bits !== 16) throw new Error('only 16-bit PCM WAV is supported');
      // espeak-ng writing to a pipe leaves the size unset (0 or 0xffffffff): take the rest of the file.
      if (size === 0 || body + size > bytes.length) size = bytes.length - body;
      const count = Math.floor(size / 2);
      const samples = new Int16Array(count);
      for (let i = 0; i < count; i++) samples[i] = bytes.readInt16LE(body + i * 2);
      return { sampleRate: format.sampleRate, channels: format.channels, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}

/** Writes 16-bit PCM as a canonical 44-byte-header WAV. */
export function writeWav({ sampleRate, channels, samples }: Pcm): Buffer {
  const dataBytes = samples.length * 2;
  const out = Buffer.alloc(44 + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(channels, 22);
  out.writeUInt32LE(sampleRate, 24);
  out.writeUInt32LE(sampleRate * channels * 2, 28);
  out.writeUInt16LE(channels * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i], 44 + i * 2);
  return out;
}

/** Below this (about -40 dBFS) a sample counts as silence. */
export const SILENCE_THRESHOLD = 328;
/** Kept before the first and after the last sound, so consonants are not clipped. */
export const LEAD_SECONDS = 0.01;
export const TAIL_SECONDS = 0.03;

/**
 * Cuts leading and trailing silence, keeping a short lead-in and tail. An all-silent clip
 * becomes empty.
 */
export function trimSilence(pcm: Pcm, threshold = SILENCE_THRESHOLD): Pcm {
  const { samples, sampleRate, channels } = pcm;
  let first = -1;
  let last = -1;
  for (let i = 0; i < samples.length; i++) {
    if (Math.abs(samples[i]) >= threshold) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return { sampleRate, channels, samples: new Int16Array(0) };
  const frame = (n: number) => n - (n % channels);
  const start = frame(Math.max(0, first - Math.round(LEAD_SECONDS * sampleRate) * channels));
  const end = Math.min(samples.length, frame(last) + channels + Math.round(TAIL_SECONDS * sampleRate) * channels);
  return { sampleRate, channels, samples: samples.slice(start, end) };
}

/** Target loudness (RMS, dBFS) and the highest peak allowed (dBFS). */
export const TARGET_RMS_DBFS = -18;
export const PEAK_LIMIT_DBFS = -1;

/**
 * Scales a clip to the target RMS loudness without letting its peak pass the limit, so every
 * word of a call is equally loud.
 */
export function normaliseLoudness(pcm: Pcm): Pcm {
  const { samples } = pcm;
  if (samples.length === 0) return pcm;
  let sumSquares = 0;
  let peak = 0;
  for (const s of samples) {
    sumSquares += s * s;
    peak = Math.max(peak, Math.abs(s));
  }
  const rms = Math.sqrt(sumSquares / samples.length);
  if (rms === 0) return pcm;
  const full = 32767;
  const gain = Math.min((full * 10 ** (TARGET_RMS_DBFS / 20)) / rms, (full * 10 ** (PEAK_LIMIT_DBFS / 20)) / peak);
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] * gain)));
  return { ...pcm, samples: out };
}

/** Seconds of sound in a clip. */
export function durationSeconds({ samples, sampleRate, channels }: Pcm): number {
  return samples.length / channels / sampleRate;
}
