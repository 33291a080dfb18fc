import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApiClient } from '../../../../protocol/api-client.js';
import { checkRoutes, type CheckAnswer, type ChecklistEntry, type HallCheck, type TodaysChecks } from '../../../../protocol/check-routes.js';
import type { CheckKind } from '../../../../protocol/record-kinds.js';
import { apiContext, EMPTY_LIVE, liveContext, type LiveState } from '../../app-context.js';
import { RequestController } from '../../shell/request-controller.js';
import { buttons, tokens } from '../../shell/styles.js';
import '../../shell/toast-message.js';
import './check-history.js';
import { checkKindLabel, checklistItemKind, checklistItemLabel, clockTime } from './check-labels.js';
import { hallChecksStyles } from './hall-checks-styles.js';

interface ItemDraft {
  ok: boolean | null;
  note: string;
}

const keyOf = (entry: { item: string; machineId?: string | null }) => (entry.machineId ? `machine:${entry.machineId}` : `item:${entry.item}`);

/**
 * 營業前 / 營業後檢查: today's opening and closing checks, each item a big OK / Fault toggle with a
 * note for a fault, who checked and when; past days below, by month. Saving again replaces the
 * day's check. A machine saved as faulty goes out of service at once (the server sees to it).
 */
@localized()
@customElement('hall-checks')
export class HallChecks extends LitElement {
  @consume({ context: apiContext }) private _api!: ApiClient;
  @consume({ context: liveContext, subscribe: true }) @state() private _live: LiveState = EMPTY_LIVE;

  @state() private _today: TodaysChecks | null = null;
  @state() private _kind: CheckKind = 'opening';
  @state() private _draft = new Map<string, ItemDraft>();
  /** Items the manager must still answer or explain, after a save was tried. */
  @state() private _problems = new Set<string>();
  @state() private _toast = '';

  private _loads = new RequestController(this, 'latest');
  private _saves = new RequestController(this);
  private _hintsSeen = -1;

  static override styles = [
    tokens,
    buttons,
    hallChecksStyles,
  ];

  override connectedCallback() {
    super.connectedCallback();
    void this._load();
  }

  protected override willUpdate(changed: PropertyValues) {
    // Another manager's check, or a machine marked faulty or fixed: fetch again.
    const hints = this._live.recordHints.check ?? 0;
    if (changed.has('_live') && this._hintsSeen >= 0 && hints !== this._hintsSeen) void this._load();
    if (changed.has('_live') && !this._today && this._live.snapshot && !this._loads.busy) void this._load();
    this._hintsSeen = hints;
  }

  private get _branchId() {
    return this._live.snapshot?.branch.id;
  }

  private async _load() {
    const branchId = this._branchId;
    if (!branchId) return;
    const outcome = await this._loads.run(() => this._api.call(checkRoutes.today, { branchId }));
    if (outcome.status !== 'done') return;
    const firstLoad = this._today === null;
    this._today = outcome.value;
    // Once the opening check is done, the closing check is the one still to do.
    if (firstLoad) this._kind = outcome.value.opening && !outcome.value.closing ? 'closing' : 'opening';
    this._resetDraft();
  }

  /** The form shows the saved check of the kind chosen, or nothing answered yet. */
  private _resetDraft() {
    const today = this._today;
    if (!today) return;
    const saved = today[this._kind];
    const answers = new Map((saved?.items ?? []).map((a) => [keyOf(a), a]));
    this._draft = new Map(
      today.checklist.map((entry) => {
        const answer = answers.get(keyOf(entry));
        return [keyOf(entry), { ok: answer ? answer.ok : null, note: answer?.note ?? '' }];
      }),
    );
    this._problems = new Set();
  }

  override render() {
    const today = this._today;
    if (!today) {
      return html`<p class=${this._loads.error ? 'error' : 'status'}>${this._loads.error || msg('Loading…')}</p>`;
    }
    const saved = today[this._kind];
    return html`<div class="kinds" role="group" aria-label=${msg('Which check')}>
        ${(['opening', 'closing'] as const).map((kind) => this._renderKindButton(kind, today[kind]))}
      </div>
      <p class="status ${saved ? 'done' : ''}" data-testid="check-status">${this._statusLine(saved)}</p>
      <ol aria-label=${checkKindLabel(this._kind)}>
        ${today.checklist.map((entry) => this._renderItem(entry))}
      </ol>
      <div class="actions">
        <button type="button" data-testid="check-rest-ok" ?disabled=${this._saves.busy} @click=${this._onRestOk}>${msg('Mark the rest OK')}</button>
        <button type="button" class="primary" data-testid="check-save" ?disabled=${this._saves.busy} @click=${this._onSave}>
          ${this._kind === 'opening' ? msg('Save opening check') : msg('Save closing check')}
        </button>
        ${this._problems.size ? html`<p class="error" role="alert">${msg('Answer every item; say what is wrong with each fault.')}</p>` : nothing}
      </div>
      <check-history></check-history>
      <toast-message .message=${this._saves.error || this._toast} @toast-dismissed=${this._onToastDismissed}></toast-message>`;
  }

  private _renderKindButton(kind: CheckKind, check: HallCheck | null) {
    const time = check ? clockTime(check.checkedAt, this._live.snapshot?.branch.timeZone) : '';
    return html`<button type="button" aria-pressed=${kind === this._kind ? 'true' : 'false'} data-testid="check-kind-${kind}" @click=${() => this._onKind(kind)}>
      ${checkKindLabel(kind)}
      <small>${check ? msg(str`Done ${time}`) : msg('Not done yet')}</small>
    </button>`;
  }

  private _statusLine(saved: HallCheck | null) {
    const day = this._today!.businessDay;
    if (!saved) return msg(str`${day}: not done yet. Check each item, then save.`);
    const time = clockTime(saved.checkedAt, this._live.snapshot?.branch.timeZone);
    const name = saved.checkedByName;
    return msg(str`${day}: checked by ${name} at ${time}. Saving again replaces it.`);
  }

  private _renderItem(entry: ChecklistEntry) {
    const key = keyOf(entry);
    const draft = this._draft.get(key) ?? { ok: null, note: '' };
    const label = checklistItemLabel(entry);
    const kind = checklistItemKind(entry);
    const problem = this._problems.has(key);
    const testid = `check-item-${entry.machineId ?? entry.item}`;
    return html`<li class=${problem ? 'problem' : ''} data-testid=${testid}>
      <span class="item">${label}${kind ? html`<small>${kind}</small>` : nothing}</span>
      <span class="toggle" role="group" aria-label=${label}>
        <button type="button" class="ok" aria-pressed=${draft.ok === true ? 'true' : 'false'} data-testid="${testid}-ok" @click=${() => this._set(key, { ok: true })}>
          ✓ ${msg('OK')}
        </button>
        <button type="button" class="fault" aria-pressed=${draft.ok === false ? 'true' : 'false'} data-testid="${testid}-fault" @click=${() => this._set(key, { ok: false })}>
          ✕ ${msg('Fault')}
        </button>
      </span>
      ${draft.ok === false
        ? html`<label class="note"
            >${msg('What is wrong?')}
            <input
              data-testid="${testid}-note"
              .value=${draft.note}
              maxlength="200"
              aria-invalid=${problem && !draft.note.trim() ? 'true' : 'false'}
              @input=${(e: Event) => this._set(key, { note: (e.target as HTMLInputElement).value })}
          /></label>`
        : nothing}
      ${problem ? html`<p class="problem-text">${draft.ok === null ? msg('Not answered yet') : msg('Say what is wrong')}</p>` : nothing}
    </li>`;
  }

  private _set(key: string, change: Partial<ItemDraft>) {
    const draft = new Map(this._draft);
    const next = { ...(draft.get(key) ?? { ok: null, note: '' }), ...change };
    draft.set(key, next);
    this._draft = draft;
    if (this._problems.has(key) && next.ok !== null && (next.ok || next.note.trim())) {
      const problems = new Set(this._problems);
      problems.delete(key);
      this._problems = problems;
    }
  }

  private _onKind(kind: CheckKind) {
    this._kind = kind;
    this._resetDraft();
  }

  private _onRestOk = () => {
    const draft = new Map(this._draft);
    for (const [key, item] of draft) if (item.ok === null) draft.set(key, { ...item, ok: true });
    this._draft = draft;
    this._problems = new Set();
  };

  private _onSave = async () => {
    const today = this._today;
    const branchId = this._branchId;
    if (!today || !branchId) return;
    const problems = new Set(
      today.checklist.map(keyOf).filter((key) => {
        const item = this._draft.get(key);
        return !item || item.ok === null || (!item.ok && !item.note.trim());
      }),
    );
    this._problems = problems;
    if (problems.size) return;
    const items: CheckAnswer[] = today.checklist.map((entry) => {
      const item = this._draft.get(keyOf(entry))!;
      return { item: entry.item, machineId: entry.machineId, ok: item.ok!, ...(item.ok ? {} : { note: item.note.trim() }) };
    });
    const kind = this._kind;
    const outcome = await this._saves.run(() => this._api.call(checkRoutes.submit, { branchId, kind }, { items }));
    if (outcome.status !== 'done') return;
    this._today = { ...today, [kind]: outcome.value };
    this._toast = kind === 'opening' ? msg('Opening check saved.') : msg('Closing check saved.');
    this._resetDraft();
  };

  private _onToastDismissed() {
    this._toast = '';
    this._saves.clearError();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hall-checks': HallChecks;
  }
}
