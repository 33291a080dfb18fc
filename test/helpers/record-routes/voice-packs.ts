/**
 * Voice packs in the authorisation matrix: the built-in packs are public; a branch's own pack is
 * read by its hall (devices and staff), its status by managers and admins, and it is uploaded or
 * deleted by admins only. The set-up uploads a complete Mandarin pack through the API (multipart,
 * so not through `call`) and makes sure the built-in packs exist.
 */
import type { RecordRoutes } from '../record-routes.js';
import { ADMIN, DEMO_HALL, EVERYONE, MANAGERS } from '../who-may.js';
import { ensureVoicePacks } from '../../../server/src/voice/voice-dist.js';
import { writeWav } from '../../../server/src/voice/wav.js';

const OWN = '/api/branches/:branchId/voice-pack/:language';
const ADMIN_PACK = '/api/branches/:branchId/admin/voice-pack';

const routes: RecordRoutes = {
  async setUp({ t, ids }) {
    await ensureVoicePacks(() => {});
    const admin = await t.as('admin');
    const status = await t.app.inject({ url: `/api/branches/${ids.branchId}/admin/voice-pack`, headers: admin });
    const required: string[] = status.json().languages.find((l: { language: string }) => l.language === 'cmn').required;
    const form = new FormData();
    const samples = new Int16Array(1600).map((_, i) => Math.round(4000 * Math.sin(i / 4)));
    for (const id of required) form.append('files', new Blob([new Uint8Array(writeWav({ sampleRate: 16_000, channels: 1, samples }))]), `${id}.wav`);
    const body = new Response(form);
    const upload = await t.app.inject({
      method: 'PUT',
      url: `/api/branches/${ids.branchId}/admin/voice-pack/cmn`,
      headers: { ...admin, 'content-type': body.headers.get('content-type')! },
      payload: Buffer.from(await body.arrayBuffer()),
    });
    if (upload.statusCode !== 200) throw new Error(`uploading the hall's voice pack: ${upload.statusCode} ${upload.body}`);
    return {};
  },
  whoMay: {
    'GET /voice/builtin/:language/manifest.json': EVERYONE,
    'GET /voice/builtin/:language/:file': EVERYONE,
    [`GET ${OWN}/manifest.json`]: DEMO_HALL,
    [`GET ${OWN}/:file`]: DEMO_HALL,
    [`GET ${ADMIN_PACK}`]: MANAGERS,
    // The example is JSON, not multipart: an admin gets past authorisation to a 400 and nothing changes.
    [`PUT ${ADMIN_PACK}/:language`]: ADMIN,
    [`DELETE ${ADMIN_PACK}/:language`]: ADMIN,
  },
  examples: (ids) => {
    const pack = { branchId: ids.branchId, language: 'cmn' };
    return {
      'GET /voice/builtin/:language/manifest.json': { params: { language: 'yue' } },
      'GET /voice/builtin/:language/:file': { params: { language: 'yue', file: 'guiwei.wav' } },
      [`GET ${OWN}/manifest.json`]: { params: pack },
      [`GET ${OWN}/:file`]: { params: { ...pack, file: 'qing.wav' } },
      [`GET ${ADMIN_PACK}`]: { params: { branchId: ids.branchId } },
      [`PUT ${ADMIN_PACK}/:language`]: { params: pack, body: { files: [] } },
      [`DELETE ${ADMIN_PACK}/:language`]: { params: pack },
    };
  },
};
export default routes;
