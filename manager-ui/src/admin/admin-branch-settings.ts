/** The branch itself: its names, time zone (ticket numbers restart at its midnight), language, and queue thresholds. */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { ADMIN_LIMITS } from '../../../protocol/admin-schemas.js';
import type { Branch } from '../../../protocol/schemas.js';
import type { AdminApi } from './admin-api.js';
import { branchBody, branchDraft } from './admin-drafts.js';
import { defaultLocaleField, field, nameFields, timeZoneField, withInput } from './admin-fields.js';
import { customerScreensFields } from './admin-customer-screens.js';
import { checklist, recordRules, recordSettingsStyles, type RecordSettingsView } from './admin-record-settings.js';
import { AdminSection } from './admin-section.js';
import { sectionStyles } from './admin-styles.js';
import {
  checkBranch,
  checkPendingEntries,
  hasProblems,
  type BranchDraft,
  type BranchField,
  type ListField,
  type ListProblem,
  type Problems,
} from './admin-validation.js';

@localized()
@customElement('admin-branch-settings')
export class AdminBranchSettings extends AdminSection {
  static override styles = [
    sectionStyles,
    recordSettingsStyles,
    css`
      form.panel {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 14px 28px;
        max-width: 1100px;
      }
      fieldset {
        border: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 14px;
        min-width: 0;
      }
      legend {
        font-size: 20px;
        font-weight: 700;
        padding: 0 0 10px;
      }
      .wide {
        grid-column: 1 / -1;
      }
      /* A swatch of the colour the triage screen shows past each threshold. */
      .swatch {
        display: inline-block;
        width: 14px;
        height: 14px;
        border-radius: 50%;
        margin-inline-end: 6px;
        vertical-align: -1px;
      }
      .swatch.amber {
        background: #ffb300;
      }
      .swatch.red {
        background: var(--alarm);
      }
    `,
  ];

  @state() private _branch: Branch | null = null;
  @state() private _draft: BranchDraft | null = null;
  /** Problems of the "add a holiday" and "add an item" fields. */
  @state() private _listProblems: Partial<Record<ListField, ListProblem>> = {};

  protected override async _reload(admin: AdminApi) {
    this._branch = await admin.branch.get();
    if (!this._showProblems) this._draft = branchDraft(this._branch);
  }

  override render() {
    const d = this._draft;
    if (!d) return this._renderLoadState();
    const problems = this._showProblems ? checkBranch(d) : {};
    const records = this._recordView(d, problems);
    const L = ADMIN_LIMITS;
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit}>
      <fieldset>
        <legend>${msg('Branch')}</legend>
        ${nameFields(d, problems)}
        ${timeZoneField(d.timeZone, problems.timeZone, msg('Ticket numbers restart at midnight in this zone.'))}
        ${defaultLocaleField(d.defaultLocale)}
      </fieldset>
      <fieldset>
        <legend>${msg('Queue thresholds')}</legend>
        <div class="row2">
          ${field(
            html`<span class="swatch amber" aria-hidden="true"></span>${msg('Amber after (minutes)')}`,
            html`<input name="amberMinutes" type="number" inputmode="decimal" min="0" max="240" step="any" .value=${d.amberMinutes} required aria-invalid=${!!problems.amberMinutes} />`,
            problems.amberMinutes,
            msg('Longest wait that turns a queue amber'),
          )}
          ${field(
            html`<span class="swatch red" aria-hidden="true"></span>${msg('Red after (minutes)')}`,
            html`<input name="redMinutes" type="number" inputmode="decimal" min="0" max="240" step="any" .value=${d.redMinutes} required aria-invalid=${!!problems.redMinutes} />`,
            problems.redMinutes,
            msg('Turns a queue red and alerts the lobby manager'),
          )}
        </div>
        ${field(
          msg('Regular counters take VIP tickets'),
          html`<select name="regularCountersTakeVip" .value=${d.regularCountersTakeVip}>
            <option value="when_no_vip_counter" ?selected=${d.regularCountersTakeVip === 'when_no_vip_counter'}>${msg('Only when no VIP counter is open for the service')}</option>
            <option value="always" ?selected=${d.regularCountersTakeVip === 'always'}>${msg('Always')}</option>
            <option value="never" ?selected=${d.regularCountersTakeVip === 'never'}>${msg('Never')}</option>
          </select>`,
        )}
        ${field(
          msg('Calls ahead of an overdue customer'),
          html`<input name="maxCallsAheadOfOverdue" type="number" inputmode="numeric" min=${L.maxCallsAheadOfOverdue.min} max=${L.maxCallsAheadOfOverdue.max} .value=${d.maxCallsAheadOfOverdue} required aria-invalid=${!!problems.maxCallsAheadOfOverdue} />`,
          problems.maxCallsAheadOfOverdue,
          msg('Priority or VIP tickets a regular counter may still call before a regular customer who waited past the target'),
        )}
        ${field(
          msg('Tickets per kiosk per minute'),
          html`<input name="issuesPerDevicePerMinute" type="number" inputmode="numeric" min=${L.issuesPerDevicePerMinute.min} max=${L.issuesPerDevicePerMinute.max} .value=${d.issuesPerDevicePerMinute} required aria-invalid=${!!problems.issuesPerDevicePerMinute} />`,
          problems.issuesPerDevicePerMinute,
          msg(str`A kiosk issuing faster is refused and the lobby manager is alerted (${L.issuesPerDevicePerMinute.min}–${L.issuesPerDevicePerMinute.max}). Staff are not limited.`),
        )}
      </fieldset>
      ${this._renderCounterRules(d, problems)}
      ${customerScreensFields(d, problems)}
      ${recordRules(records)} ${checklist(records)}
      <div class="wide">${this._renderOutcome()}</div>
      <div class="actions wide">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${msg('Save branch settings')}</button>
        ${this._branch ? html`<button type="button" data-testid="admin-cancel" ?disabled=${this._busy} @click=${this._onUndo}>${msg('Undo changes')}</button>` : nothing}
      </div>
    </form>`;
  }

  /** How tellers' calls work: when a no-show is allowed, and whether a call starts the service. */
  private _renderCounterRules(d: BranchDraft, problems: Problems<BranchField>) {
    const L = ADMIN_LIMITS;
    return html`<fieldset class="wide">
      <legend>${msg('At the counter')}</legend>
      <div class="row2">
        ${field(
          msg('No-show after recalls'),
          html`<input name="noShowAfterRecalls" type="number" inputmode="numeric" min=${L.noShowAfterRecalls.min} max=${L.noShowAfterRecalls.max} .value=${d.noShowAfterRecalls} required aria-invalid=${!!problems.noShowAfterRecalls} />`,
          problems.noShowAfterRecalls,
          msg(str`A teller may mark a no-show only after recalling the customer this many times (${L.noShowAfterRecalls.min}–${L.noShowAfterRecalls.max}).`),
        )}
        ${field(
          msg('Or after (seconds since the call)'),
          html`<input name="noShowAfterSeconds" type="number" inputmode="numeric" min=${L.noShowAfterSeconds.min} max=${L.noShowAfterSeconds.max} .value=${d.noShowAfterSeconds} required aria-invalid=${!!problems.noShowAfterSeconds} />`,
          problems.noShowAfterSeconds,
          msg(str`Also allowed this long after the last call, without more recalls (${L.noShowAfterSeconds.min}–${L.noShowAfterSeconds.max}; 0: not used).`),
        )}
      </div>
      <div class="row2">
        ${field(
          msg('Customer not at the counter after (s)'),
          html`<input name="absentAlertSeconds" type="number" inputmode="numeric" min=${L.absentAlertSeconds.min} max=${L.absentAlertSeconds.max} .value=${d.absentAlertSeconds} required aria-invalid=${!!problems.absentAlertSeconds} />`,
          problems.absentAlertSeconds,
          msg(str`Seconds after a call before a customer who has not come is pointed out (${L.absentAlertSeconds.min}–${L.absentAlertSeconds.max}).`),
        )}
      </div>
      <label class="check"><input type="checkbox" name="startOnCall" .checked=${d.startOnCall} />${msg('A call starts the service (no separate Start)')}</label>
      ${this._renderLateArrival(d, problems)}
    </fieldset>`;
  }

  /** 過號重排: what a no-show's customer who comes back late gets. */
  private _renderLateArrival(d: BranchDraft, problems: Problems<BranchField>) {
    const L = ADMIN_LIMITS;
    return html`<div class="row2">
        ${field(
          msg('A no-show who comes back late'),
          html`<select name="lateArrival" .value=${d.lateArrival}>
            <option value="after_n" ?selected=${d.lateArrival === 'after_n'}>${msg('Waits again behind a few others')}</option>
            <option value="at_end" ?selected=${d.lateArrival === 'at_end'}>${msg('Waits again at the end of the queue')}</option>
            <option value="not_allowed" ?selected=${d.lateArrival === 'not_allowed'}>${msg('Takes a new ticket')}</option>
          </select>`,
        )}
        ${field(
          msg('Behind how many others'),
          html`<input name="lateArrivalAfterN" type="number" inputmode="numeric" min=${L.lateArrivalAfterN.min} max=${L.lateArrivalAfterN.max} .value=${d.lateArrivalAfterN} required aria-invalid=${!!problems.lateArrivalAfterN} />`,
          problems.lateArrivalAfterN,
          msg(str`Waiting customers of the same queue ahead of them (${L.lateArrivalAfterN.min}–${L.lateArrivalAfterN.max}).`),
        )}
      </div>
      <div class="row2">
        ${field(
          msg('Re-queue within (minutes)'),
          html`<input name="lateArrivalWithinMinutes" type="number" inputmode="numeric" min=${L.lateArrivalWithinMinutes.min} max=${L.lateArrivalWithinMinutes.max} .value=${d.lateArrivalWithinMinutes} required aria-invalid=${!!problems.lateArrivalWithinMinutes} />`,
          problems.lateArrivalWithinMinutes,
          msg(str`Minutes after the no-show, the same day (${L.lateArrivalWithinMinutes.min}–${L.lateArrivalWithinMinutes.max}).`),
        )}
      </div>`;
  }

  private _recordView(draft: BranchDraft, problems: Problems<BranchField>): RecordSettingsView {
    return {
      draft,
      problems,
      listProblems: this._listProblems,
      onDraft: (next) => (this._draft = next),
      onListProblem: (field, problem) => (this._listProblems = { ...this._listProblems, [field]: problem }),
    };
  }

  private _onInput(event: Event) {
    if (!this._draft) return;
    this._draft = withInput(this._draft, event);
    // Typing again into an "add" field clears what was said about the last attempt.
    const name = (event.target as HTMLInputElement | null)?.name;
    if (name === 'newHoliday' || name === 'newChecklistItem') this._listProblems = { ...this._listProblems, [name]: undefined };
  }

  private _onUndo() {
    this._clearOutcome();
    this._listProblems = {};
    if (this._branch) this._draft = branchDraft(this._branch);
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (!this._draft) return;
    this._showProblems = true;
    const pending = checkPendingEntries(this._draft);
    this._listProblems = pending;
    if (hasProblems(checkBranch(this._draft)) || hasProblems(pending)) return;
    const body = branchBody(this._draft);
    await this._send((admin) => admin.branch.update(body), msg('Branch settings saved. Screens in the hall update now.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-branch-settings': AdminBranchSettings;
  }
}
