/**
 * The hall's notice board and interest-rate board (利率牌), which the wall display scrolls: lines in
 * three languages, added, removed and put in order here, then saved together. Live screens show
 * the new boards as soon as they are saved.
 */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { localized, msg, str } from '@lit/localize';
import { NOTICE_LIMITS, type NoticeBoard } from '../../../protocol/notice-schemas.js';
import type { AdminApi } from './admin-api.js';
import {
  blankNotice,
  blankRate,
  boardHasProblems,
  changesBoard,
  checkNoticeBoard,
  maxLines,
  moveLine,
  noticeBoardBody,
  noticeBoardDraft,
  withLineText,
  type BoardList,
  type NoticeBoardDraft,
  type RateField,
  type RateLineDraft,
} from './admin-notice-drafts.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import { problemText } from './admin-text.js';
import type { Problems } from './admin-validation.js';

const LANGUAGES = [
  { field: 'zhHant', lang: 'zh-Hant', heading: '繁體中文' },
  { field: 'zhHans', lang: 'zh-Hans', heading: '简体中文' },
  { field: 'en', lang: 'en', heading: 'English' },
] as const;

@localized()
@customElement('admin-notice-board')
export class AdminNoticeBoard extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      form {
        display: flex;
        flex-direction: column;
        gap: 16px;
      }
      .board {
        gap: 8px;
      }
      .list-head {
        margin-bottom: 0;
        justify-content: flex-start;
      }
      .count {
        color: var(--muted);
        font-size: 14px;
      }
      .push {
        margin-inline-start: auto;
      }
      /* One line of a board: its place, a field per language (and the rate), then its tools. */
      .line {
        display: grid;
        grid-template-columns: 28px repeat(3, minmax(0, 1fr)) 156px;
        gap: 10px;
        align-items: start;
      }
      .rates .line {
        grid-template-columns: 28px repeat(3, minmax(0, 1fr)) 120px 156px;
      }
      .line.heading {
        align-items: end;
        font-weight: 600;
        font-size: 15px;
        line-height: 1.3;
        color: var(--muted);
      }
      textarea {
        padding: 8px 12px;
        line-height: 1.4;
        max-height: calc(6lh + 20px);
        /* Grows with the notice, so all of it can be read before it goes on the wall. */
        field-sizing: content;
        resize: vertical;
      }
      /* Save stays in reach below a long board. */
      .save-bar {
        position: sticky;
        bottom: 0;
        display: flex;
        flex-direction: column;
        gap: 8px;
        padding: 12px 18px;
        background: var(--card);
        border: 2px solid var(--line);
        border-radius: 12px;
        box-shadow: 0 -4px 12px rgb(16 42 67 / 8%);
      }
      .save-bar .actions {
        padding-top: 0;
        align-items: center;
      }
      .position {
        min-height: var(--target);
        display: flex;
        align-items: center;
        justify-content: flex-end;
        color: var(--muted);
      }
      .cell {
        display: flex;
        flex-direction: column;
        gap: 4px;
        min-width: 0;
      }
      .cell .problem {
        color: var(--alarm);
        font-size: 14px;
        font-weight: 600;
      }
      .tools {
        display: flex;
        gap: 6px;
      }
      .tools button {
        padding: 0;
        font-size: 20px;
      }
      .unsaved {
        color: var(--warn);
        font-weight: 600;
      }
      /* Portrait tablets: each line's fields stack. */
      @media (max-width: 1000px) {
        .line,
        .rates .line {
          grid-template-columns: minmax(0, 1fr);
        }
        .line.heading,
        .position {
          display: none;
        }
      }
    `,
  ];

  /** The boards as saved on the server. */
  @state() private _board: NoticeBoard | null = null;
  @state() private _draft: NoticeBoardDraft | null = null;

  protected override async _reload(admin: AdminApi) {
    this._board = await admin.noticeBoard.get();
    if (!this._showProblems) this._draft = noticeBoardDraft(this._board);
  }

  override render() {
    const draft = this._draft;
    if (!draft || !this._board) return this._renderLoadState();
    const problems = this._showProblems ? checkNoticeBoard(draft) : { notices: [], rates: [] };
    const unsaved = changesBoard(draft, this._board);
    return html`<form novalidate @input=${this._onInput} @submit=${this._onSubmit}>
      ${this._renderBoard('notices', msg('Notices'), msg('Scrolled along the bottom of the wall display, one after another.'), problems.notices)}
      ${this._renderBoard('rates', msg('Interest-rate board (利率牌)'), msg('Shown on the wall display after the notices, with the rate as you type it, e.g. 1.25%.'), problems.rates)}
      <div class="save-bar">
        ${this._renderOutcome()}
        <div class="actions">
          <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${msg('Save notices & rates')}</button>
          <button type="button" data-testid="admin-cancel" ?disabled=${this._busy || !unsaved} @click=${this._onUndo}>${msg('Undo changes')}</button>
          ${unsaved ? html`<span class="unsaved" data-testid="admin-unsaved">${msg('Not saved yet: the hall still shows the boards as they were.')}</span>` : nothing}
        </div>
      </div>
    </form>`;
  }

  private _renderBoard(list: BoardList, title: string, hint: string, problems: Problems<RateField>[]) {
    const lines = this._draft![list];
    const full = lines.length >= maxLines(list);
    return html`<section class="panel board ${list}" aria-labelledby="${list}-title">
      <div class="list-head">
        <h2 id="${list}-title">${title}</h2>
        <span class="count">${msg(str`${lines.length} of ${maxLines(list)}`)}</span>
        <button type="button" class="push" data-testid="admin-add-${list === 'notices' ? 'notice' : 'rate'}" ?disabled=${full} @click=${() => this._onAdd(list)}>
          ＋ ${list === 'notices' ? msg('Add notice') : msg('Add rate')}
        </button>
      </div>
      <p class="hint">${hint}</p>
      ${lines.length === 0
        ? html`<p class="empty">${list === 'notices' ? msg('No notices: the display shows only the rates.') : msg('No rates: the display shows only the notices.')}</p>`
        : html`<div class="line heading" aria-hidden="true">
              <span></span>
              ${LANGUAGES.map((l) => html`<span lang=${l.lang}>${l.heading}</span>`)}
              ${list === 'rates' ? html`<span>${msg('Rate')}</span>` : nothing}
              <span></span>
            </div>
            <ol class="lines">
              ${repeat(
                lines,
                (line) => line.key,
                (line, index) => this._renderLine(list, line as RateLineDraft, index, problems[index] ?? {}),
              )}
            </ol>`}
    </section>`;
  }

  private _renderLine(list: BoardList, line: RateLineDraft, index: number, problems: Problems<RateField>) {
    const count = this._draft![list].length;
    const max = list === 'notices' ? NOTICE_LIMITS.noticeLength : NOTICE_LIMITS.rateLabelLength;
    const prefix = list === 'notices' ? 'notice' : 'rate';
    const names = { zhHant: '繁體中文', zhHans: '简体中文', en: 'English', value: msg('Rate') };
    // Notices are long sentences: a two-line box shows most of one; rate labels fit one line.
    const cell = (field: RateField, lang: string, maxlength: number) => {
      const label = msg(str`${index + 1}: ${names[field]}`);
      const control =
        list === 'notices'
          ? html`<textarea name=${field} lang=${lang} rows="2" data-list=${list} data-index=${index} .value=${line[field]} maxlength=${maxlength} placeholder=${names[field]} aria-label=${label} aria-invalid=${!!problems[field]}></textarea>`
          : html`<input name=${field} lang=${lang} data-list=${list} data-index=${index} .value=${line[field]} maxlength=${maxlength} placeholder=${names[field]} aria-label=${label} aria-invalid=${!!problems[field]} class=${field === 'value' ? 'number' : ''} />`;
      return html`<label class="cell">
        ${control}
        ${problems[field] ? html`<span class="problem" data-testid="admin-problem">${problemText(problems[field])}</span>` : nothing}
      </label>`;
    };
    return html`<li class="line" data-testid="admin-${prefix}-${index}">
      <span class="position number" aria-hidden="true">${index + 1}</span>
      ${LANGUAGES.map((l) => cell(l.field, l.lang, max))}
      ${list === 'rates' ? cell('value', 'en', NOTICE_LIMITS.rateValueLength) : nothing}
      <span class="tools">
        <button type="button" data-action="up" aria-label=${msg('Move up')} title=${msg('Move up')} ?disabled=${index === 0} @click=${() => this._onMove(list, index, -1)}>↑</button>
        <button type="button" data-action="down" aria-label=${msg('Move down')} title=${msg('Move down')} ?disabled=${index === count - 1} @click=${() => this._onMove(list, index, 1)}>↓</button>
        <button type="button" class="danger" data-action="remove" aria-label=${msg('Remove')} title=${msg('Remove')} @click=${() => this._onRemove(list, index)}>✕</button>
      </span>
    </li>`;
  }

  private _onInput(event: Event) {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    const list = input.dataset.list as BoardList | undefined;
    if (!this._draft || !list) return;
    this._draft = withLineText(this._draft, list, Number(input.dataset.index), input.name as RateField, input.value);
  }

  private _onAdd(list: BoardList) {
    if (!this._draft) return;
    this._savedText = '';
    const lines = [...this._draft[list], list === 'notices' ? blankNotice() : blankRate()];
    this._draft = { ...this._draft, [list]: lines };
    void this._focus(list, lines.length - 1, 'input');
  }

  private _onMove(list: BoardList, index: number, step: -1 | 1) {
    if (!this._draft) return;
    this._savedText = '';
    this._draft = { ...this._draft, [list]: moveLine(this._draft[list], index, step) };
    // The row's DOM moves with it and loses focus: give it back, so the arrows can be tapped again.
    const to = index + step;
    const atEnd = to === 0 || to === this._draft[list].length - 1;
    void this._focus(list, to, atEnd ? `[data-action=${step < 0 ? 'down' : 'up'}]` : `[data-action=${step < 0 ? 'up' : 'down'}]`);
  }

  private _onRemove(list: BoardList, index: number) {
    if (!this._draft) return;
    this._savedText = '';
    this._draft = { ...this._draft, [list]: this._draft[list].filter((_, i) => i !== index) };
  }

  private async _focus(list: BoardList, index: number, selector: string) {
    await this.updateComplete;
    const prefix = list === 'notices' ? 'notice' : 'rate';
    this.renderRoot.querySelector<HTMLElement>(`[data-testid=admin-${prefix}-${index}] ${selector}`)?.focus();
  }

  private _onUndo() {
    this._clearOutcome();
    if (this._board) this._draft = noticeBoardDraft(this._board);
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (!this._draft) return;
    this._showProblems = true;
    if (boardHasProblems(checkNoticeBoard(this._draft))) return;
    const board = noticeBoardBody(this._draft);
    await this._send((admin) => admin.noticeBoard.replace(board), msg('Notices and rates saved. The wall display shows them now.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-notice-board': AdminNoticeBoard;
  }
}
