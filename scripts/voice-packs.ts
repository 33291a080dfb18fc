/**
 * npm run voice-packs [-- <folder>]: (re)generates the built-in voice packs from espeak-ng into
 * dist/voice (or LOBBYFLOW_VOICE_DIST, or the folder given). The server also runs this at start
 * when the packs are missing.
 */
import { resolve } from 'node:path';
import { generateVoicePacks } from '../server/src/voice/voice-pack-generator.js';
import { VOICE_DIST } from '../server/src/voice/voice-dist.js';

const root = process.argv[2] ? resolve(process.argv[2]) : VOICE_DIST;
const made = await generateVoicePacks(root);
if (!made) process.exitCode = 1;
else console.log(`voice packs in ${root}`);
