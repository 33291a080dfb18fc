/**
 * Which audio a recorded clip is, from its own bytes rather than its name or the browser's
 * word: WAV (RIFF/WAVE), MP3 (an ID3 tag or an MPEG frame sync) or Ogg (OggS). Anything else
 * is refused, so the display never fetches a clip it cannot decode.
 */
export type ClipMediaType = 'audio/wav' | 'audio/mpeg' | 'audio/ogg';

/** The file ending each type is served under. */
export const CLIP_EXTENSIONS: Record<ClipMediaType, string> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/ogg': 'ogg' };

/** The clip's type, or null when its header is none of WAV, MP3 or Ogg. */
export function sniffClipType(bytes: Uint8Array): ClipMediaType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE') return 'audio/wav';
  if (bytes.length >= 4 && ascii(0, 4) === 'OggS') return 'audio/ogg';
  if (bytes.length >= 10 && ascii(0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  if (bytes.length >= 4 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0 && (bytes[1] & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

/** Seconds of a PCM WAV from its header (fmt byte rate and data size), or null when unreadable. */
export function wavSeconds(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let byteRate = 0;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = String.fromCharCode(...bytes.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (id === 'fmt ' && offset + 16 <= bytes.length) byteRate = view.getUint32(offset + 16, true);
    if (id === 'data') {
      const dataBytes = Math.min(size, bytes.length - offset - 8);
      return byteRate > 0 ? Math.round((dataBytes / byteRate) * 1e6) / 1e6 : null;
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}
