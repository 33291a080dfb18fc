/**
 * Bundled into a Chromium page by voice-render.test.ts: renders one call with the display's own
 * scheduling code (scheduleChime, VoicePackPlayer, scheduleClips) on an OfflineAudioContext.
 */
import { callClips, type AnnouncementLanguage } from '../../../protocol/voice-clips.js';
import { CHIME_LEAD_SECONDS, scheduleChime } from '../../../display-ui/src/audio/hall-audio.js';
import { scheduleClips, VoicePackPlayer } from '../../../display-ui/src/audio/voice-pack-player.js';
import { voiceSequence } from '../../../display-ui/src/logic/voice-sequence.js';

const RATE = 22_050;
/** Between the chime's end and the first clip, as the live player leaves. */
const AFTER_CHIME_SECONDS = 0.05;

const rms = (data: Float32Array, from: number, to: number) => {
  let sum = 0;
  const a = Math.max(0, Math.floor(from * RATE));
  const b = Math.min(data.length, Math.floor(to * RATE));
  for (let i = a; i < b; i++) sum += data[i] * data[i];
  return b > a ? Math.sqrt(sum / (b - a)) : 0;
};

async function renderCall(call: { number: string; counterNumber: number }, languages: AnnouncementLanguage[], sources: string[]) {
  const context = new OfflineAudioContext(1, RATE * 30, RATE);
  const player = new VoicePackPlayer(context, (url) => fetch(url));
  const sentences = voiceSequence(call, languages);
  const packs = await player.packsFor(sentences, () => sources);
  if (!packs) return null;
  const chimeEndsAt = scheduleChime(context, context.destination, CHIME_LEAD_SECONDS);
  const placed = scheduleClips(context, context.destination, sentences, packs, chimeEndsAt + AFTER_CHIME_SECONDS);
  const rendered = (await context.startRendering()).getChannelData(0);
  return {
    expectedClips: sentences.flatMap((s) => callClips(s.language, call)),
    chimeEndsAt,
    endsAt: placed.endsAt,
    clips: placed.clips.map((c) => ({ clip: c.clip, language: c.language, startsAt: c.startsAt, seconds: c.seconds, rms: rms(rendered, c.startsAt, c.startsAt + c.seconds) })),
    chimeRms: rms(rendered, CHIME_LEAD_SECONDS, CHIME_LEAD_SECONDS + 0.3),
    afterRms: rms(rendered, placed.endsAt + 0.01, placed.endsAt + 1),
  };
}

/** Which of `sources` the player takes for a Mandarin call: the first that loads and has the clips, or null. */
async function chosenSource(sources: string[]) {
  const context = new OfflineAudioContext(1, RATE, RATE);
  const player = new VoicePackPlayer(context, (url) => fetch(url));
  const sentences = voiceSequence({ number: 'A023', counterNumber: 3 }, ['cmn']);
  for (let i = 0; i < sources.length; i++) {
    const packs = await player.packsFor(sentences, () => sources.slice(i, i + 1));
    if (packs) return sources[i];
  }
  return (await player.packsFor(sentences, () => sources)) ? 'all' : null;
}

Object.assign(window, { renderCall, chosenSource, AFTER_CHIME_SECONDS });
