/**
 * The Announcements tab's sample: a call played from the pack the hall would use, so an admin
 * hears what customers will hear. (The display's own player lives in display-ui; the console
 * shares only protocol/ with it, and a sample needs no queue or fallbacks.)
 */
import { ApiError } from '../../../protocol/api-client.js';
import { BRANCH_VOICE_PATH, BUILTIN_VOICE_PATH, callClips, type AnnouncementLanguage, type AnnouncementVoice, type VoicePackManifest } from '../../../protocol/voice-clips.js';

/** The manifest of the pack the hall would use for `language`: the branch's own first where chosen, else the built-in. */
function manifestUrls(branchId: string, voice: AnnouncementVoice, language: AnnouncementLanguage): string[] {
  const builtin = BUILTIN_VOICE_PATH.replace(':language', language);
  return voice === 'branch' ? [BRANCH_VOICE_PATH.replace(':branchId', encodeURIComponent(branchId)).replace(':language', language), builtin] : [builtin];
}

const SAMPLE = { number: 'A023', counterNumber: 3 };

/**
 * Plays "A023 → counter 3" in each language from the pack the hall would use; resolves when it
 * has finished. Throws when no pack can say it (espeak-ng missing and no recordings).
 */
export async function playSample(branchId: string, voice: AnnouncementVoice, languages: readonly AnnouncementLanguage[]): Promise<void> {
  const context = new AudioContext();
  try {
    let at = context.currentTime + 0.1;
    for (const language of languages) {
      const clips = await loadClips(context, manifestUrls(branchId, voice, language), callClips(language, SAMPLE));
      for (const buffer of clips) {
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(context.destination);
        source.start(at);
        at += buffer.duration + 0.06;
      }
      at += 0.44;
    }
    await new Promise((resolve) => setTimeout(resolve, (at - context.currentTime) * 1000));
  } finally {
    void context.close();
  }
}

async function loadClips(context: AudioContext, urls: readonly string[], ids: readonly string[]): Promise<AudioBuffer[]> {
  for (const url of urls) {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) continue;
    const manifest = (await response.json()) as VoicePackManifest;
    if (!ids.every((id) => manifest.clips[id])) continue;
    const base = new URL(url, location.href);
    return Promise.all(
      ids.map(async (id) => context.decodeAudioData(await (await fetch(new URL(manifest.clips[id].file, base), { credentials: 'same-origin' })).arrayBuffer())),
    );
  }
  throw new ApiError(404, 'NOT_FOUND', `no voice pack for ${ids.join(' ')}`, null);
}
