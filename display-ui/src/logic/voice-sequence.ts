/**
 * What the hall hears for a call from a voice pack: for each of the branch's announcement
 * languages in order, the clip ids to play back to back, e.g. Mandarin
 * 請 A 0 2 3 號 到 3 號 窗口, then English "Number A 0 2 3, please go to counter 3".
 * A recall is read the same way: the customer needs the same words again.
 */
import { callClips, type AnnouncementLanguage } from '../../../protocol/voice-clips.js';
import type { CallToAnnounce } from './announcement-text.js';

/** The clips of one language's sentence. */
export interface VoiceSentence {
  language: AnnouncementLanguage;
  clips: string[];
}

/** The sentences of one call, one per announcement language, in the branch's order. */
export function voiceSequence(call: CallToAnnounce, languages: readonly AnnouncementLanguage[]): VoiceSentence[] {
  return languages.map((language) => ({ language, clips: callClips(language, call) }));
}

/** Pause between two clips of a sentence, and between two sentences (seconds). */
export const CLIP_GAP_SECONDS = 0.06;
export const SENTENCE_GAP_SECONDS = 0.5;

/** One clip placed on the timeline, relative to the start of the first clip. */
export interface ScheduledClip {
  language: AnnouncementLanguage;
  clip: string;
  at: number;
  seconds: number;
}

/**
 * Places the sentences' clips back to back with small gaps: pure timing, shared by the live
 * player and the offline rendering the tests check. `lengthOf` gives each clip's seconds.
 */
export function scheduleSentences(sentences: readonly VoiceSentence[], lengthOf: (language: AnnouncementLanguage, clip: string) => number): { clips: ScheduledClip[]; seconds: number } {
  const clips: ScheduledClip[] = [];
  let at = 0;
  sentences.forEach((sentence, s) => {
    if (s > 0) at += SENTENCE_GAP_SECONDS - CLIP_GAP_SECONDS;
    for (const clip of sentence.clips) {
      const seconds = lengthOf(sentence.language, clip);
      clips.push({ language: sentence.language, clip, at, seconds });
      at += seconds + CLIP_GAP_SECONDS;
    }
  });
  return { clips, seconds: clips.length ? at - CLIP_GAP_SECONDS : 0 };
}
