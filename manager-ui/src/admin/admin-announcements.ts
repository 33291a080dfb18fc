/**
 * The Announcements tab: how the wall display calls tickets. The voice (the built-in recorded
 * voice, the branch's own recordings, or the browser's speech voices), the languages in the
 * order the hall hears them, a sample to listen to, and the upload of the branch's own recordings.
 */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ANNOUNCEMENT_LANGUAGES, type AnnouncementLanguage, type AnnouncementVoice } from '../../../protocol/voice-clips.js';
import type { BranchVoicePack, BranchVoicePackLanguage } from '../../../protocol/voice-pack-routes.js';
import type { AdminApi } from './admin-api.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import { playSample } from './voice-sample.js';

const languageName = (language: AnnouncementLanguage) =>
  ({ cmn: msg('Mandarin (普通話)'), yue: msg('Cantonese (廣東話)'), en: msg('English') })[language];

const VOICES: readonly AnnouncementVoice[] = ['builtin', 'branch', 'speech'];
const voiceName = (voice: AnnouncementVoice) =>
  ({ builtin: msg('Built-in recorded voice'), branch: msg('The branch’s own recordings'), speech: msg('The browser’s speech voices') })[voice];
const voiceHint = (voice: AnnouncementVoice) =>
  ({
    builtin: msg('Clips generated with espeak-ng: works on every display, even without speech voices.'),
    branch: msg('Your recordings below; a language without a complete set uses the built-in voice.'),
    speech: msg('Only where the display’s browser has voices for the language; otherwise just the chime.'),
  })[voice];

@localized()
@customElement('admin-announcements')
export class AdminAnnouncements extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      .panel {
        display: grid;
        gap: 24px;
        max-width: 1000px;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      legend {
        font-size: 20px;
        font-weight: 700;
        padding: 0 0 10px;
      }
      .choice {
        display: grid;
        grid-template-columns: 48px 1fr auto;
        align-items: center;
        gap: 4px 12px;
        min-height: 56px;
        padding: 6px 12px;
        border: 2px solid var(--line, #cfd8e3);
        border-radius: 10px;
      }
      .choice input {
        width: 28px;
        height: 28px;
        justify-self: center;
      }
      .choice .hint {
        grid-column: 2;
        color: var(--muted, #4a5a6a);
        font-size: 15px;
      }
      .order {
        display: flex;
        gap: 6px;
      }
      .order button {
        min-width: 48px;
      }
      .pack {
        display: grid;
        gap: 8px;
        padding: 12px;
        border: 2px solid var(--line, #cfd8e3);
        border-radius: 10px;
      }
      .pack h3 {
        margin: 0;
        font-size: 18px;
      }
      .complete {
        color: #1b5e20;
        font-weight: 700;
      }
      .missing {
        color: #8a1c1c;
        font-weight: 700;
      }
      summary {
        padding: 12px 0;
        cursor: pointer;
      }
      code {
        font-size: 15px;
        word-break: break-word;
      }
      input[type='file'] {
        min-height: 48px;
        font-size: 16px;
      }
    `,
  ];

  @state() private _voice: AnnouncementVoice = 'builtin';
  @state() private _languages: AnnouncementLanguage[] = ['cmn', 'en'];
  @state() private _pack: BranchVoicePack | null = null;
  @state() private _files: Partial<Record<AnnouncementLanguage, File[]>> = {};
  @state() private _playing = false;

  protected override async _reload(admin: AdminApi) {
    const [branch, pack] = await Promise.all([admin.branch.get(), admin.voicePack.status()]);
    this._voice = branch.settings.announcementVoice;
    this._languages = [...branch.settings.announcementLanguages];
    this._pack = pack;
  }

  override render() {
    if (!this._pack) return this._renderLoadState();
    return html`<div class="panel">
      ${this._renderOutcome()}
      <fieldset>
        <legend>${msg('How the hall hears calls')}</legend>
        ${VOICES.map(
          (voice) => html`<label class="choice">
            <input type="radio" name="voice" value=${voice} data-testid=${`voice-${voice}`} .checked=${this._voice === voice} @change=${() => this._pick(voice)} />
            <span>${voiceName(voice)}</span><span></span>
            <span class="hint">${voiceHint(voice)}</span>
          </label>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${msg('Languages, in the order the hall hears them')}</legend>
        ${this._languageRows()}
      </fieldset>
      <div class="actions">
        <button type="button" class="primary" data-testid="announcements-save" ?disabled=${this._busy || this._languages.length === 0} @click=${this._onSave}>
          ${msg('Save announcement settings')}
        </button>
        <button type="button" data-testid="announcements-sample" ?disabled=${this._playing} @click=${this._onSample}>
          ${this._playing ? msg('Playing…') : msg('Play a sample: A023 to counter 3')}
        </button>
      </div>
      <fieldset>
        <legend>${msg('The branch’s own recordings')}</legend>
        <p class="hint">
          ${msg('One file per clip, named by its clip id (qing.wav, A.wav, 3.wav…): WAV, MP3 or Ogg, at most 1 MB each, or all of them in one zip. An upload replaces the language’s recordings.')}
        </p>
        ${this._pack.languages.map((pack) => this._packRow(pack))}
      </fieldset>
    </div>`;
  }

  /** The chosen languages in order, then the others, each with its tick box and its arrows. */
  private _languageRows() {
    const others = ANNOUNCEMENT_LANGUAGES.filter((l) => !this._languages.includes(l));
    return [...this._languages, ...others].map((language) => {
      const position = this._languages.indexOf(language);
      const chosen = position >= 0;
      return html`<label class="choice">
        <input type="checkbox" data-testid=${`language-${language}`} .checked=${chosen} @change=${() => this._toggle(language)} />
        <span>${chosen ? html`<strong>${position + 1}.</strong> ` : nothing}${languageName(language)}</span>
        <span class="order">
          ${chosen
            ? html`<button type="button" aria-label=${msg(str`Earlier: ${languageName(language)}`)} ?disabled=${position === 0} @click=${(e: Event) => this._move(e, position, -1)}>↑</button>
                <button type="button" aria-label=${msg(str`Later: ${languageName(language)}`)} ?disabled=${position === this._languages.length - 1} @click=${(e: Event) => this._move(e, position, 1)}>↓</button>`
            : nothing}
        </span>
      </label>`;
    });
  }

  private _packRow(pack: BranchVoicePackLanguage) {
    const { language } = pack;
    const status = pack.clips.length === 0
      ? html`<span>${msg('No recordings: the built-in voice is used.')}</span>`
      : pack.missing.length === 0
        ? html`<span class="complete">${msg(str`Complete: ${pack.clips.length} clips.`)}</span>`
        : html`<span class="missing">${msg(str`Missing clips: ${pack.missing.join(' ')}`)}</span>`;
    return html`<div class="pack" data-testid=${`pack-${language}`}>
      <h3>${languageName(language)}</h3>
      ${status}
      <details>
        <summary>${msg(str`Clip ids this branch needs (${pack.required.length})`)}</summary>
        <code>${pack.required.join(' ')}</code>
      </details>
      <input type="file" multiple accept=".zip,.wav,.mp3,.ogg,audio/*,application/zip" data-testid=${`pack-files-${language}`} @change=${(e: Event) => this._onFiles(language, e)} />
      <div class="actions">
        <button type="button" class="primary" data-testid=${`pack-upload-${language}`} ?disabled=${this._busy || !this._files[language]?.length} @click=${() => this._onUpload(language)}>
          ${msg('Upload recordings')}
        </button>
        ${pack.clips.length > 0
          ? html`<button type="button" class="danger" data-testid=${`pack-delete-${language}`} ?disabled=${this._busy} @click=${() => this._onDelete(language)}>${msg('Delete recordings')}</button>`
          : nothing}
      </div>
    </div>`;
  }

  private _pick(voice: AnnouncementVoice): void {
    this._clearOutcome();
    this._voice = voice;
  }

  private _toggle(language: AnnouncementLanguage): void {
    this._clearOutcome();
    this._languages = this._languages.includes(language) ? this._languages.filter((l) => l !== language) : [...this._languages, language];
  }

  private _move(event: Event, position: number, by: -1 | 1): void {
    // The arrows sit inside the language's label: a click must not also tick its box.
    event.preventDefault();
    const next = [...this._languages];
    [next[position], next[position + by]] = [next[position + by], next[position]];
    this._languages = next;
  }

  private _onFiles(language: AnnouncementLanguage, event: Event): void {
    this._clearOutcome();
    this._files = { ...this._files, [language]: [...((event.target as HTMLInputElement).files ?? [])] };
  }

  private async _onSave(): Promise<void> {
    const settings = { announcementVoice: this._voice, announcementLanguages: this._languages };
    await this._send((admin) => admin.branch.update({ settings }), msg('Announcement settings saved. The displays use them from the next call.'));
  }

  private async _onUpload(language: AnnouncementLanguage): Promise<void> {
    const files = this._files[language] ?? [];
    const form = new FormData();
    for (const file of files) form.append('files', file, file.name);
    const done = await this._send((admin) => admin.voicePack.upload(language, form), msg(str`Recordings saved: ${languageName(language)}.`));
    if (!done) return;
    this._files = { ...this._files, [language]: [] };
    const input = this.renderRoot.querySelector<HTMLInputElement>(`[data-testid=pack-files-${language}]`);
    if (input) input.value = '';
  }

  private async _onDelete(language: AnnouncementLanguage): Promise<void> {
    await this._send((admin) => admin.voicePack.remove(language), msg(str`Recordings deleted: ${languageName(language)}.`));
  }

  private async _onSample(): Promise<void> {
    if (!this.admin) return;
    this._clearOutcome();
    this._playing = true;
    try {
      await playSample(this.admin.branchId, this._voice === 'speech' ? 'builtin' : this._voice, this._languages);
    } catch (error) {
      this._refusal = error;
    } finally {
      this._playing = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-announcements': AdminAnnouncements;
  }
}
