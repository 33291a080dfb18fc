/**
 * Voice packs: serves the built-in packs from their generated folder, and keeps a branch's own
 * recorded pack in the database. An upload replaces one language's pack whole, and only when every
 * clip is audio and every clip the branch needs is there, so the hall never hears half a pack.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { VOICE_PACK_LIMITS, type BranchVoicePack, type BranchVoicePackLanguage } from '../../../protocol/voice-pack-routes.js';
import { allClipIds, ANNOUNCEMENT_LANGUAGES, requiredClipIds, type AnnouncementLanguage, type VoicePackManifest } from '../../../protocol/voice-clips.js';
import { assertCanRead, type Actor } from '../domain/actor.js';
import { CLIP_EXTENSIONS, sniffClipType, wavSeconds, type ClipMediaType } from '../domain/voice-clip-format.js';
import { AppError, notFound } from '../errors.js';
import { branchRepository } from '../repositories/branch-repository.js';
import { voicePackRepository, type StoredClip } from '../repositories/voice-pack-repository.js';
import { readZipEntries, ZipError } from '../voice/zip-entries.js';
import { branchAdmin, invalid } from './admin/access.js';
import type { RunInBranch } from './branch-transaction.js';

export interface VoicePackServiceDeps {
  db: Kysely<Database>;
  runInBranch: RunInBranch;
  /** The generated built-in packs (server/src/voice/voice-dist.ts). */
  builtinRoot: string;
}

/** One uploaded file as the route read it. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
}

export interface ClipAudio {
  mediaType: string;
  bytes: Buffer;
}

const MEDIA_BY_EXTENSION: Record<string, ClipMediaType> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' };
const isZip = (file: UploadedFile) => file.bytes.length >= 4 && file.bytes.readUInt32LE(0) === 0x04034b50;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The zip's files in its place; a clip's id is its name without the extension. */
function expandUpload(files: readonly UploadedFile[]): UploadedFile[] {
  if (files.length === 0) throw invalid('files', 'upload a zip or the audio files of the pack, named by clip id (qing.wav, A.wav, 3.wav…)');
  return files.flatMap((file) => {
    if (!isZip(file)) return [file];
    try {
      return readZipEntries(file.bytes, VOICE_PACK_LIMITS.clipBytes, VOICE_PACK_LIMITS.files);
    } catch (error) {
      if (error instanceof ZipError) throw invalid(file.name, error.message);
      throw error;
    }
  });
}

/** Checks every file and the pack as a whole; 400 naming the file or the missing clips. */
function checkClips(language: AnnouncementLanguage, files: readonly UploadedFile[], required: readonly string[]): StoredClip[] {
  const known = new Set(allClipIds(language));
  const clips = new Map<string, StoredClip>();
  for (const { name, bytes } of files) {
    const clipId = name.replace(/\.[^.]*$/, '');
    if (!known.has(clipId)) throw invalid(name, `not a clip of the ${language} pack; clip ids: ${[...known].join(' ')}`);
    if (clips.has(clipId)) throw invalid(name, `clip ${clipId} was given twice`);
    if (bytes.length > VOICE_PACK_LIMITS.clipBytes) throw invalid(name, `larger than ${megabytes(VOICE_PACK_LIMITS.clipBytes)}`);
    const mediaType = sniffClipType(bytes);
    if (!mediaType) throw invalid(name, 'not WAV, MP3 or Ogg audio');
    const seconds = mediaType === 'audio/wav' ? wavSeconds(bytes) : null;
    if (mediaType === 'audio/wav' && !seconds) throw invalid(name, 'a WAV file without sound');
    clips.set(clipId, { clipId, mediaType, audio: bytes, seconds, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  const missing = required.filter((id) => !clips.has(id));
  if (missing.length > 0) throw invalid('files', `missing clips: ${missing.join(', ')}`);
  return [...clips.values()];
}

export function createVoicePackService({ db, runInBranch, builtinRoot }: VoicePackServiceDeps) {
  async function languageStatus(branchId: string, language: AnnouncementLanguage): Promise<BranchVoicePackLanguage> {
    const { prefixes, counterNumbers } = await voicePackRepository.callVocabulary(db, branchId);
    const required = requiredClipIds(language, prefixes, counterNumbers);
    const clips = await voicePackRepository.listClips(db, branchId, language);
    const have = new Set(clips.map((c) => c.clipId));
    return {
      language,
      clips: clips.map(({ clipId, mediaType, seconds, bytes }) => ({ clipId, mediaType, seconds, bytes })),
      required,
      missing: required.filter((id) => !have.has(id)),
      uploadedAt: clips.reduce<string | null>((latest, c) => (latest && latest > c.uploadedAt ? latest : c.uploadedAt), null),
    };
  }

  async function requireBranch(branchId: string): Promise<void> {
    if (!(await branchRepository.exists(db, branchId))) throw notFound('branch', branchId);
  }

  return {
    /** A built-in pack's manifest; 404 when the packs were not generated (no espeak-ng). */
    builtinManifest(language: AnnouncementLanguage): VoicePackManifest {
      const path = join(builtinRoot, language, 'manifest.json');
      if (!existsSync(path)) throw notFound('voice pack', language);
      return JSON.parse(readFileSync(path, 'utf8')) as VoicePackManifest;
    },

    /** One clip of a built-in pack. */
    builtinClip(language: AnnouncementLanguage, file: string): ClipAudio {
      // The route's pattern allows no slashes or dots besides the extension: the path stays in the pack.
      const path = join(builtinRoot, language, file);
      if (!existsSync(path)) throw notFound('voice clip', `${language}/${file}`);
      return { mediaType: MEDIA_BY_EXTENSION[file.split('.').pop()!] ?? 'application/octet-stream', bytes: readFileSync(path) };
    },

    /**
     * The branch's own pack of a language, for its hall: the clips it has (none before an upload).
     * The display takes it only for a sentence it can say whole, else the built-in pack.
     */
    async branchManifest(actor: Actor, branchId: string, language: AnnouncementLanguage): Promise<VoicePackManifest> {
      assertCanRead(actor, branchId);
      await requireBranch(branchId);
      const clips = await voicePackRepository.listClips(db, branchId, language);
      return {
        language,
        source: 'branch',
        clips: Object.fromEntries(
          clips.map((c) => [c.clipId, { file: `${c.clipId}.${CLIP_EXTENSIONS[c.mediaType as ClipMediaType] ?? 'wav'}`, seconds: c.seconds, sha256: c.sha256 }]),
        ),
      };
    },

    async branchClip(actor: Actor, branchId: string, language: AnnouncementLanguage, file: string): Promise<ClipAudio> {
      assertCanRead(actor, branchId);
      const clip = await voicePackRepository.findClip(db, branchId, language, file.replace(/\.[^.]*$/, ''));
      if (!clip) throw notFound('voice clip', `${branchId}/${language}/${file}`);
      return { mediaType: clip.mediaType, bytes: clip.audio };
    },

    /** Every language of the branch's own pack: what it holds, needs and lacks (managers and admins). */
    async status(actor: Actor, branchId: string): Promise<BranchVoicePack> {
      await branchAdmin(db, actor, branchId);
      return { languages: await Promise.all(ANNOUNCEMENT_LANGUAGES.map((language) => languageStatus(branchId, language))) };
    },

    /** Refuses anyone but an admin before an upload is read. */
    async mayUpload(actor: Actor, branchId: string): Promise<void> {
      await branchAdmin(db, actor, branchId, ['admin']);
    },

    /**
     * Replaces one language's pack (admins only: it is what every customer of the branch hears).
     * Displays resync on the `branch.configured` it emits, which also records who changed it.
     */
    async upload(actor: Actor, branchId: string, language: AnnouncementLanguage, files: readonly UploadedFile[]): Promise<BranchVoicePackLanguage> {
      const admin = await branchAdmin(db, actor, branchId, ['admin']);
      const { prefixes, counterNumbers } = await voicePackRepository.callVocabulary(db, branchId);
      const clips = checkClips(language, expandUpload(files), requiredClipIds(language, prefixes, counterNumbers));
      await runInBranch(branchId, admin.id, async (trx, emit, now) => {
        await voicePackRepository.replacePack(trx, branchId, language, clips, admin.id, now.toISOString());
        emit({ type: 'branch.configured' });
      });
      return languageStatus(branchId, language);
    },

    /** Deletes one language's pack (admins); the display goes back to the built-in one. */
    async remove(actor: Actor, branchId: string, language: AnnouncementLanguage): Promise<BranchVoicePackLanguage> {
      const admin = await branchAdmin(db, actor, branchId, ['admin']);
      await runInBranch(branchId, admin.id, async (trx, emit) => {
        if ((await voicePackRepository.removePack(trx, branchId, language)) > 0) emit({ type: 'branch.configured' });
      });
      return languageStatus(branchId, language);
    },
  };
}

export type VoicePackService = ReturnType<typeof createVoicePackService>;

/** A multipart upload past its limits, as a 400 naming the field. */
export const uploadTooLarge = (field: string) =>
  new AppError('VALIDATION_FAILED', `body/${field}: the upload is larger than ${megabytes(VOICE_PACK_LIMITS.uploadBytes)} or has more than ${VOICE_PACK_LIMITS.files} files`);
