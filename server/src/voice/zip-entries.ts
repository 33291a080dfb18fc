/**
 * Reads the files of a zip (stored or deflated) with Node's zlib: an admin may upload a branch's
 * recorded voice pack as one zip. Folders are ignored and names keep only their last part, so
 * `pack/qing.wav` is `qing.wav`. Each file is capped while it is inflated (no zip bombs).
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  bytes: Buffer;
}

export class ZipError extends Error {}

/** The files of `zip`; throws ZipError for a damaged zip or a file past `maxFileBytes` or `maxFiles`. */
export function readZipEntries(zip: Buffer, maxFileBytes: number, maxFiles: number): ZipEntry[] {
  // The end-of-central-directory record is in the last 64 KB + 22 bytes (after an optional comment).
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) throw new ZipError('damaged zip directory');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const size = zip.readUInt32LE(offset + 24);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const path = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    const name = path.split('/').pop() ?? '';
    // Folders, and the resource forks macOS adds (__MACOSX/._qing.wav).
    if (!name || path.startsWith('__MACOSX/') || name.startsWith('.')) continue;
    if (entries.length >= maxFiles) throw new ZipError(`more than ${maxFiles} files`);
    if (size > maxFileBytes) throw new ZipError(`${name} is larger than ${maxFileBytes} bytes`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new ZipError(`damaged zip entry ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    let bytes: Buffer;
    if (method === 0) bytes = Buffer.from(data);
    else if (method === 8) {
      try {
        bytes = inflateRawSync(data, { maxOutputLength: maxFileBytes });
      } catch {
        throw new ZipError(`${name} is damaged or larger than ${maxFileBytes} bytes`);
      }
    } else throw new ZipError(`${name} uses a compression other than deflate`);
    entries.push({ name, bytes });
  }
  return entries;
}
