/** Where the built-in voice packs live, and making them at start-up when they are missing. */
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../ui-build.js';
import { generateVoicePacks, voicePacksPresent } from './voice-pack-generator.js';

/** dist/voice, or LOBBYFLOW_VOICE_DIST: generated, git-ignored, served at /voice/builtin/<language>/. */
export const VOICE_DIST = process.env.LOBBYFLOW_VOICE_DIST ? resolve(process.env.LOBBYFLOW_VOICE_DIST) : join(PROJECT_ROOT, 'dist/voice');

/** Generates the packs when they are missing and espeak-ng exists; never fails the start. */
export async function ensureVoicePacks(log: (message: string) => void = console.log, root = VOICE_DIST): Promise<void> {
  if (voicePacksPresent(root)) return;
  try {
    log(`generating the built-in voice packs into ${root} (espeak-ng)…`);
    await generateVoicePacks(root, log);
  } catch (error) {
    log(`voice packs not generated: ${(error as Error).message}; the wall display uses speech voices or the chime`);
  }
}
