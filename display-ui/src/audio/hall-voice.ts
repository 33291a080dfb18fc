/**
 * The wall display's choice of voice for a call, from the branch's settings: its own recorded
 * pack (falling back to the built-in one), the built-in pack generated from espeak-ng, or the
 * browser's speech voices. `play` answers false when no pack can say the call, and the
 * announcement queue then speaks the sentences instead; without speech voices only the chime is heard.
 */
import type { Branch } from '../../../protocol/schemas.js';
import { BRANCH_VOICE_PATH, BUILTIN_VOICE_PATH, type AnnouncementLanguage } from '../../../protocol/voice-clips.js';
import type { CallToAnnounce } from '../logic/announcement-text.js';
import { voiceSequence } from '../logic/voice-sequence.js';
import type { HallAudio } from './hall-audio.js';
import { VoicePackPlayer, type PackSources } from './voice-pack-player.js';

/** Manifest URLs for a language, best first, for the branch's chosen voice. */
export function packSources(settings: Pick<Branch['settings'], 'announcementVoice'>, branchId: string): PackSources {
  return (language: AnnouncementLanguage) => {
    const builtin = BUILTIN_VOICE_PATH.replace(':language', language);
    if (settings.announcementVoice === 'speech') return [];
    if (settings.announcementVoice === 'branch') return [BRANCH_VOICE_PATH.replace(':branchId', encodeURIComponent(branchId)).replace(':language', language), builtin];
    return [builtin];
  };
}

export class HallVoice {
  private readonly player: VoicePackPlayer | null;
  private settings: Branch['settings'] | null = null;
  private settingsSeen = '';

  constructor(
    private readonly audio: HallAudio,
    private readonly branchId: string,
    token: string | null,
  ) {
    const context = audio.audioContext;
    // The branch's own pack needs the display's device token; the built-in packs are public.
    const fetchFile = (url: string) => {
      const own = token && new URL(url, location.href).pathname.startsWith('/api/');
      return fetch(url, { headers: own ? { authorization: `Bearer ${token}` } : {} });
    };
    this.player = context ? new VoicePackPlayer(context, fetchFile) : null;
  }

  /** Takes the branch's settings from each snapshot; a change (a new pack, another voice) drops the loaded clips. */
  configure(branch: Branch): void {
    const seen = JSON.stringify([branch.settings.announcementVoice, branch.settings.announcementLanguages]);
    if (seen !== this.settingsSeen && this.settingsSeen) this.player?.forget();
    this.settingsSeen = seen;
    this.settings = branch.settings;
  }

  /** A snapshot after the first: the branch may have uploaded a new pack, so fetch the packs again at the next call. */
  resynced(): void {
    this.player?.forget();
  }

  /** The languages the hall hears, in order. */
  get languages(): readonly AnnouncementLanguage[] {
    return this.settings?.announcementLanguages ?? ['cmn', 'en'];
  }

  /** Plays the call from the packs; false when there is no pack to play (speech takes over). */
  async play(call: CallToAnnounce): Promise<boolean> {
    const settings = this.settings;
    if (!this.player || !settings || this.audio.suspended) return false;
    return this.player.play(voiceSequence(call, this.languages), packSources(settings, this.branchId));
  }
}
