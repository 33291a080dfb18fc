/** A branch's own recorded voice pack: one row per language and clip, the audio as base64. */
import type { AnnouncementLanguage } from '../../../protocol/voice-clips.js';
import type { Db } from './db.js';

/** One uploaded clip, as the service stores it. */
export interface StoredClip {
  clipId: string;
  mediaType: string;
  audio: Buffer;
  seconds: number | null;
  sha256: string;
}

/** What a pack holds, without its audio. */
export interface ClipSummary {
  language: AnnouncementLanguage;
  clipId: string;
  mediaType: string;
  seconds: number | null;
  sha256: string;
  bytes: number;
  uploadedAt: string;
}

/** Every clip of the branch's pack(s), without audio, by language and clip id. */
async function listClips(db: Db, branchId: string, language?: AnnouncementLanguage): Promise<ClipSummary[]> {
  let query = db
    .selectFrom('voice_pack_clips')
    .select(['language', 'clip_id', 'media_type', 'seconds', 'sha256', 'uploaded_at', (eb) => eb.fn('length', ['audio_base64']).as('base64_length')])
    .where('branch_id', '=', branchId);
  if (language) query = query.where('language', '=', language);
  const rows = await query.orderBy('language').orderBy('clip_id').execute();
  return rows.map((row) => ({
    language: row.language,
    clipId: row.clip_id,
    mediaType: row.media_type,
    seconds: row.seconds,
    sha256: row.sha256,
    // base64: four characters for three bytes (near enough for a size shown to an admin).
    bytes: Math.floor((Number(row.base64_length) * 3) / 4),
    uploadedAt: row.uploaded_at,
  }));
}

/** One clip's audio, or undefined. */
async function findClip(db: Db, branchId: string, language: AnnouncementLanguage, clipId: string): Promise<{ mediaType: string; audio: Buffer } | undefined> {
  const row = await db
    .selectFrom('voice_pack_clips')
    .select(['media_type', 'audio_base64'])
    .where('branch_id', '=', branchId)
    .where('language', '=', language)
    .where('clip_id', '=', clipId)
    .executeTakeFirst();
  return row && { mediaType: row.media_type, audio: Buffer.from(row.audio_base64, 'base64') };
}

/** Replaces the branch's pack for one language with `clips` (call inside a transaction). */
async function replacePack(db: Db, branchId: string, language: AnnouncementLanguage, clips: readonly StoredClip[], uploadedBy: string, at: string): Promise<void> {
  await removePack(db, branchId, language);
  for (const clip of clips) {
    await db
      .insertInto('voice_pack_clips')
      .values({
        branch_id: branchId,
        language,
        clip_id: clip.clipId,
        media_type: clip.mediaType,
        audio_base64: clip.audio.toString('base64'),
        seconds: clip.seconds,
        sha256: clip.sha256,
        uploaded_at: at,
        uploaded_by: uploadedBy,
      })
      .execute();
  }
}

/** Deletes the branch's pack for one language; returns the clips removed. */
async function removePack(db: Db, branchId: string, language: AnnouncementLanguage): Promise<number> {
  const result = await db.deleteFrom('voice_pack_clips').where('branch_id', '=', branchId).where('language', '=', language).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The ticket letters of the branch's active services and the numbers of its counters: what a pack must be able to say. */
async function callVocabulary(db: Db, branchId: string): Promise<{ prefixes: string[]; counterNumbers: number[] }> {
  const services = await db.selectFrom('services').select('prefix').where('branch_id', '=', branchId).where('active', '=', 1).execute();
  const counters = await db.selectFrom('counters').select('number').where('branch_id', '=', branchId).execute();
  return { prefixes: services.map((s) => s.prefix), counterNumbers: counters.map((c) => c.number) };
}

export const voicePackRepository = Object.freeze({ listClips, findClip, replacePack, removePack, callVocabulary });
