/**
 * The voice packs over HTTP: the built-in packs (generated from espeak-ng, public), a branch's
 * own recorded pack (its hall's devices and staff read it; admins upload it), and what the
 * admin page shows of it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { defineRoute } from './route-kit.js';
import { Id } from './schema-kit.js';
import { AnnouncementLanguage, VoicePackManifest } from './voice-clips.js';

export const VOICE_PACK_LIMITS = {
  /** One recorded clip: a word lasts about a second, so 1 MB is generous even for WAV. */
  clipBytes: 1024 * 1024,
  /** A whole upload (a zip or the files together). */
  uploadBytes: 16 * 1024 * 1024,
  /** Files in one upload; a complete English pack has 56 clips. */
  files: 120,
} as const;

const strict = { additionalProperties: false };
const LanguageParams = Type.Object({ language: AnnouncementLanguage }, strict);
const BranchLanguageParams = Type.Object({ branchId: Id, language: AnnouncementLanguage }, strict);
const BranchParams = Type.Object({ branchId: Id }, strict);
const ClipFile = Type.String({ pattern: '^[A-Za-z0-9-]{1,40}\\.(wav|mp3|ogg)$', description: 'A clip file named in the manifest' });

/** One language of the branch's own pack, as the admin page shows it. */
export const BranchVoicePackLanguage = Type.Object(
  {
    language: AnnouncementLanguage,
    /** Clips uploaded, by id. */
    clips: Type.Array(Type.Object({ clipId: Type.String(), mediaType: Type.String(), seconds: Type.Union([Type.Number(), Type.Null()]), bytes: Type.Integer() })),
    /** The clips needed to call every ticket of the branch's services at every counter. */
    required: Type.Array(Type.String()),
    /** Required clips not uploaded: while any is missing the display uses the built-in pack. */
    missing: Type.Array(Type.String()),
    uploadedAt: Type.Union([Type.String(), Type.Null()]),
  },
  strict,
);
export const BranchVoicePack = Type.Object({ languages: Type.Array(BranchVoicePackLanguage) }, strict);
export type BranchVoicePack = Static<typeof BranchVoicePack>;
export type BranchVoicePackLanguage = Static<typeof BranchVoicePackLanguage>;

const Audio = Type.String({ description: 'The clip’s audio (audio/wav, audio/mpeg or audio/ogg)' });

export const voicePackRoutes = {
  builtinManifest: defineRoute({
    method: 'GET',
    path: '/voice/builtin/:language/manifest.json',
    summary: 'The built-in voice pack of a language (generated from espeak-ng): its clips and their lengths; 404 when espeak-ng was missing',
    tags: ['voice'],
    public: true,
    params: LanguageParams,
    response: { 200: VoicePackManifest },
  }),
  builtinClip: defineRoute({
    method: 'GET',
    path: '/voice/builtin/:language/:file',
    summary: 'One clip of a built-in voice pack (WAV)',
    tags: ['voice'],
    public: true,
    params: Type.Object({ language: AnnouncementLanguage, file: ClipFile }, strict),
    response: { 200: Audio },
  }),
  branchManifest: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/voice-pack/:language/manifest.json',
    summary: "The branch's own recorded pack of a language (its hall's devices and staff): the clips uploaded, none before an upload",
    tags: ['voice'],
    params: BranchLanguageParams,
    response: { 200: VoicePackManifest },
  }),
  branchClip: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/voice-pack/:language/:file',
    summary: "One clip of the branch's own pack",
    tags: ['voice'],
    params: Type.Object({ branchId: Id, language: AnnouncementLanguage, file: ClipFile }, strict),
    response: { 200: Audio },
  }),
  status: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/admin/voice-pack',
    summary: "What the branch's own pack holds per language, which clips it needs and which are missing (managers and admins)",
    tags: ['admin'],
    params: BranchParams,
    response: { 200: BranchVoicePack },
  }),
  upload: defineRoute({
    method: 'PUT',
    path: '/api/branches/:branchId/admin/voice-pack/:language',
    summary:
      'Replaces the branch’s pack of a language (admins): multipart/form-data of a zip or audio files named by clip id (qing.wav, A.mp3…); WAV, MP3 or Ogg, 1 MB a clip, 16 MB in all; 400 naming missing clips',
    tags: ['admin'],
    params: BranchLanguageParams,
    response: { 200: BranchVoicePackLanguage },
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/api/branches/:branchId/admin/voice-pack/:language',
    summary: "Deletes the branch's pack of a language (admins); the display goes back to the built-in pack",
    tags: ['admin'],
    params: BranchLanguageParams,
    response: { 200: BranchVoicePackLanguage },
  }),
} as const;
