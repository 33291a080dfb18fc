/**
 * Voice packs over HTTP (protocol/voice-pack-routes.ts): the built-in packs for anyone, a
 * branch's own pack for its hall, and the admins' upload as multipart/form-data.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { VOICE_PACK_LIMITS, voicePackRoutes as routes } from '../../../protocol/voice-pack-routes.js';
import { AppError } from '../errors.js';
import { actorOf } from '../plugins/auth.js';
import { invalid } from '../services/admin/access.js';
import { uploadTooLarge, type ClipAudio, type UploadedFile } from '../services/voice-pack-service.js';
import { serveRoute, type RouteRequest } from './serve-route.js';

/** Sends a clip's bytes; the display fetches each clip once per page load. */
function sendClip(reply: FastifyReply, clip: ClipAudio, cache: string): string {
  reply.type(clip.mediaType).header('cache-control', cache);
  // A Buffer skips the reply's JSON serialisation.
  return clip.bytes as unknown as string;
}

const MULTIPART_LIMIT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/** Reads every file of the upload; limits and a body that is not multipart are 400s naming the field. */
async function readUpload(request: RouteRequest<typeof routes.upload>): Promise<UploadedFile[]> {
  if (!request.isMultipart()) throw invalid('files', 'send multipart/form-data with the zip or the audio files');
  const files: UploadedFile[] = [];
  let total = 0;
  let field = 'files';
  try {
    for await (const part of request.files()) {
      field = part.filename || part.fieldname;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > VOICE_PACK_LIMITS.uploadBytes) throw uploadTooLarge('files');
      files.push({ name: part.filename || part.fieldname, bytes });
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && MULTIPART_LIMIT_CODES.has(code)) throw uploadTooLarge(field);
    // Busboy's own complaints (no boundary, a form cut short): the client sent a broken form.
    throw invalid('files', `not a readable multipart/form-data upload: ${(error as Error).message}`);
  }
  return files;
}

const voicePackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const service = app.lobby.voicePacks;

  // Public: generated from espeak-ng, the same for every install.
  serveRoute(app, routes.builtinManifest, async (request, reply) => {
    reply.header('cache-control', 'no-cache');
    return service.builtinManifest(request.params.language);
  });
  serveRoute(app, routes.builtinClip, async (request, reply) => sendClip(reply, service.builtinClip(request.params.language, request.params.file), 'no-cache'));

  await app.register(async (branch) => {
    branch.addHook('onRequest', app.authenticate);
    await branch.register(multipart, {
      limits: { fileSize: VOICE_PACK_LIMITS.uploadBytes, files: VOICE_PACK_LIMITS.files, fields: 10, parts: VOICE_PACK_LIMITS.files + 10 },
    });
    serveRoute(branch, routes.branchManifest, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return service.branchManifest(actorOf(request), request.params.branchId, request.params.language);
    });
    serveRoute(branch, routes.branchClip, async (request, reply) =>
      sendClip(reply, await service.branchClip(actorOf(request), request.params.branchId, request.params.language, request.params.file), 'private, no-cache'),
    );
    serveRoute(branch, routes.status, (request) => service.status(actorOf(request), request.params.branchId));
    serveRoute(branch, routes.upload, async (request) => {
      const actor = actorOf(request);
      // Who may upload is checked before the files are read.
      await service.mayUpload(actor, request.params.branchId);
      return service.upload(actor, request.params.branchId, request.params.language, await readUpload(request));
    });
    serveRoute(branch, routes.remove, (request) => service.remove(actorOf(request), request.params.branchId, request.params.language));
  });
};
export default voicePackRoutes;
