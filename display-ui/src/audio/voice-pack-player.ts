/**
 * Plays a call from recorded clips, the way Chinese ticket systems call: each clip of each
 * sentence scheduled back to back on one Web Audio context. A pack's manifest and clips are
 * fetched and decoded once and kept. For each language the player takes the first source that
 * has every clip the call needs (the branch's own pack, then the built-in one); when a language has
 * none, `play` answers false and the display falls back to speech, then the chime alone.
 */
import type { AnnouncementLanguage, VoicePackManifest } from '../../../protocol/voice-clips.js';
import { scheduleSentences, type ScheduledClip, type VoiceSentence } from '../logic/voice-sequence.js';

/** A pack's decoded clips by id. */
export type DecodedPack = ReadonlyMap<string, AudioBuffer>;

/** Where a language's pack is, best first. */
export type PackSources = (language: AnnouncementLanguage) => readonly string[];

/** A clip placed on the context's clock. */
export interface PlacedClip extends ScheduledClip {
  /** Seconds on the context's clock. */
  startsAt: number;
}

/**
 * Schedules the sentences' clips from `start` on `context` into `destination`, back to back with
 * the gaps of voice-sequence.ts; returns what was placed and when the last clip ends. The live
 * player and the tests' offline rendering both use it.
 */
export function scheduleClips(
  context: BaseAudioContext,
  destination: AudioNode,
  sentences: readonly VoiceSentence[],
  packs: ReadonlyMap<AnnouncementLanguage, DecodedPack>,
  start: number,
): { clips: PlacedClip[]; endsAt: number } {
  const buffer = (language: AnnouncementLanguage, clip: string) => packs.get(language)!.get(clip)!;
  const timeline = scheduleSentences(sentences, (language, clip) => buffer(language, clip).duration);
  const clips = timeline.clips.map((placed) => {
    const source = context.createBufferSource();
    source.buffer = buffer(placed.language, placed.clip);
    source.connect(destination);
    source.start(start + placed.at);
    return { ...placed, startsAt: start + placed.at };
  });
  return { clips, endsAt: start + timeline.seconds };
}

/** Whether a decoded pack can say every clip of a sentence. */
const canSay = (pack: DecodedPack | null, sentence: VoiceSentence) => !!pack && sentence.clips.every((clip) => pack.has(clip));

export class VoicePackPlayer {
  private readonly loading = new Map<string, Promise<DecodedPack | null>>();

  /**
   * @param context the context clips are decoded for and played on
   * @param fetchFile fetches a manifest or clip (the display adds its device token for the branch's pack)
   */
  constructor(
    private readonly context: BaseAudioContext,
    private readonly fetchFile: (url: string) => Promise<Response>,
  ) {}

  /** The pack at `manifestUrl`, decoded; null when it is missing or broken. Fetched once, then kept. */
  load(manifestUrl: string): Promise<DecodedPack | null> {
    let pack = this.loading.get(manifestUrl);
    if (!pack) {
      pack = this.fetchPack(manifestUrl).catch((error: unknown) => {
        console.warn(`voice pack ${manifestUrl}:`, error);
        // Not kept: a pack that failed (server restarting, pack being generated) is tried again next call.
        this.loading.delete(manifestUrl);
        return null;
      });
      this.loading.set(manifestUrl, pack);
    }
    return pack;
  }

  /** Forgets what was loaded (the branch changed its pack). */
  forget(): void {
    this.loading.clear();
  }

  /** For each sentence, the first of its sources that can say it; null when a sentence has none. */
  async packsFor(sentences: readonly VoiceSentence[], sources: PackSources): Promise<Map<AnnouncementLanguage, DecodedPack> | null> {
    const packs = new Map<AnnouncementLanguage, DecodedPack>();
    for (const sentence of sentences) {
      if (packs.has(sentence.language)) continue;
      let found: DecodedPack | null = null;
      for (const url of sources(sentence.language)) {
        const pack = await this.load(url);
        if (canSay(pack, sentence)) {
          found = pack;
          break;
        }
      }
      if (!found) return null;
      packs.set(sentence.language, found);
    }
    return packs;
  }

  /**
   * Plays the sentences now; resolves true when the last clip has ended, false at once when a
   * language has no pack that can say it (the caller falls back to speech).
   */
  async play(sentences: readonly VoiceSentence[], sources: PackSources, destination: AudioNode = this.context.destination): Promise<boolean> {
    const packs = await this.packsFor(sentences, sources);
    if (!packs || sentences.length === 0) return false;
    const { endsAt } = scheduleClips(this.context, destination, sentences, packs, this.context.currentTime + 0.05);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (endsAt - this.context.currentTime) * 1000)));
    return true;
  }

  private async fetchPack(manifestUrl: string): Promise<DecodedPack> {
    const response = await this.fetchFile(manifestUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const manifest = (await response.json()) as VoicePackManifest;
    const base = new URL(manifestUrl, location.href);
    const clips = await Promise.all(
      Object.entries(manifest.clips).map(async ([id, clip]) => {
        const audio = await this.fetchFile(new URL(clip.file, base).href);
        if (!audio.ok) throw new Error(`clip ${id}: HTTP ${audio.status}`);
        return [id, await this.context.decodeAudioData(await audio.arrayBuffer())] as const;
      }),
    );
    return new Map(clips);
  }
}
