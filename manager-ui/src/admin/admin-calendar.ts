/**
 * The branch's operating calendar: opening hours and lunch per weekday, special days, and per
 * service when tickets are taken (from, cut-off before closing 取號截止, daily quota 限號). The
 * kiosk, the phone page and the estimate follow it (protocol/calendar-schemas.ts).
 */
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { CALENDAR_LIMITS, type OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import type { AdminService } from '../../../protocol/admin-schemas.js';
import type { AdminApi } from './admin-api.js';
import { AdminSection } from './admin-section.js';
import { localName } from './admin-text.js';
import { sectionStyles } from './admin-styles.js';
import { calendarBody, calendarDraft, checkCalendarDraft, newSpecialDay, withValue, type CalendarDraft, type CalendarProblems } from './calendar-draft.js';
import { hoursCells, problemAt, weekdayName } from './calendar-text.js';

@localized()
@customElement('admin-calendar')
export class AdminCalendar extends AdminSection {
  static override styles = [
    sectionStyles,
    css`
      form.panel {
        display: flex;
        flex-direction: column;
        gap: 18px;
        max-width: 1100px;
      }
      h3 {
        font-size: 20px;
        margin: 6px 0 2px;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px 6px 0;
        vertical-align: top;
      }
      th {
        font-size: 14px;
        color: var(--muted);
        font-weight: 600;
      }
      td.day {
        font-weight: 700;
        font-size: 17px;
        padding-top: 14px;
        white-space: nowrap;
      }
      input[type='time'],
      input[type='date'],
      input[type='number'] {
        min-height: 48px;
        font-size: 17px;
      }
      input[type='time'] {
        width: 150px;
      }
      input[type='number'] {
        width: 110px;
      }
      input[name$='.note'] {
        width: 100%;
        min-height: 48px;
      }
      .cell {
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .sr {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .check {
        min-height: 48px;
      }
      button.remove {
        min-height: 48px;
      }
    `,
  ];

  @state() private _calendar: OperatingCalendar | null = null;
  @state() private _services: AdminService[] = [];
  @state() private _draft: CalendarDraft | null = null;

  protected override async _reload(admin: AdminApi) {
    const [{ calendar }, services] = await Promise.all([admin.calendar.get(), admin.services.list()]);
    this._calendar = calendar;
    this._services = services.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder);
    if (!this._showProblems) this._draft = calendarDraft(calendar, this._services.map((s) => s.id));
  }

  protected override _reset() {
    this._draft = null;
  }

  override render() {
    const d = this._draft;
    if (!d) return this._renderLoadState();
    const problems = this._showProblems ? checkCalendarDraft(d) : {};
    return html`<form class="panel" novalidate @input=${this._onInput} @change=${this._onInput} @submit=${this._onSubmit} data-testid="admin-calendar-form">
      <label class="check"><input type="checkbox" name="enabled" .checked=${d.enabled} data-testid="calendar-enabled" />${msg('Follow an operating calendar')}</label>
      <p class="hint">
        ${d.enabled
          ? msg('The kiosk and the phone page show a service as closed outside these hours, with when it opens; waits before opening count from the opening.')
          : msg('No calendar: tickets are issued at any hour, and a service is served whenever a counter is open.')}
      </p>
      ${d.enabled ? html`${this._renderWeek(d, problems)} ${this._renderSpecialDays(d, problems)} ${this._renderServices(d, problems)}` : nothing}
      ${this._renderOutcome()}
      <div class="actions">
        <button type="submit" class="primary" data-testid="admin-save" ?disabled=${this._busy}>${msg('Save calendar')}</button>
        <button type="button" data-testid="admin-cancel" ?disabled=${this._busy} @click=${this._onUndo}>${msg('Undo changes')}</button>
      </div>
    </form>`;
  }

  private _renderHead(first: string) {
    return html`<tr>
      <th scope="col">${first}</th>
      <th scope="col"></th>
      <th scope="col">${msg('Opens')}</th>
      <th scope="col">${msg('Closes')}</th>
      <th scope="col">${msg('Lunch from')}</th>
      <th scope="col">${msg('Lunch until')}</th>
    </tr>`;
  }

  private _renderWeek(d: CalendarDraft, problems: CalendarProblems) {
    return html`<section>
      <h3>${msg('Opening hours')}</h3>
      <table data-testid="calendar-week">
        <thead>${this._renderHead(msg('Day'))}</thead>
        <tbody>
          ${d.weekdays.map(
            (day, i) => html`<tr data-testid="calendar-day-${i}">
              <td class="day">${weekdayName(i)}</td>
              ${hoursCells(`weekdays.${i}`, day, problems, weekdayName(i))}
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private _renderSpecialDays(d: CalendarDraft, problems: CalendarProblems) {
    return html`<section>
      <h3>${msg('Special days')}</h3>
      <p class="hint">${msg('A date closed or with other hours, e.g. a typhoon day or a Saturday opening. It wins over the weekday and the holidays (Branch settings).')}</p>
      ${d.specialDays.length === 0 ? html`<p class="empty">${msg('No special days.')}</p>` : nothing}
      <table>
        <tbody>
          ${d.specialDays.map((day, i) => {
            const label = day.date || msg(str`Special day ${i + 1}`);
            return html`<tr data-testid="calendar-special-${i}">
                <td>
                  <label class="cell"><span class="sr">${msg('Date')}</span>
                    <input type="date" name="specialDays.${i}.date" .value=${day.date} aria-label=${msg('Date')} aria-invalid=${!!problems[`specialDays.${i}.date`]} />
                    ${problemAt(problems, `specialDays.${i}.date`)}
                  </label>
                </td>
                ${hoursCells(`specialDays.${i}`, day, problems, label)}
              </tr>
              <tr class="note">
                <td></td>
                <td colspan="4"><input name="specialDays.${i}.note" .value=${day.note} maxlength=${CALENDAR_LIMITS.noteLength} placeholder=${msg('Note for staff, e.g. Typhoon signal 8')} aria-label=${msg('Note')} /></td>
                <td><button type="button" class="remove" data-action="remove" @click=${() => this._removeSpecialDay(i)}>${msg('Remove')}</button></td>
              </tr>`;
          })}
        </tbody>
      </table>
      <button type="button" data-testid="calendar-add-special" @click=${this._addSpecialDay}>${msg('Add a special day')}</button>
    </section>`;
  }

  private _renderServices(d: CalendarDraft, problems: CalendarProblems) {
    const { cutOffMinutes: cut, dailyQuota: quota } = CALENDAR_LIMITS;
    const byId = new Map(this._services.map((s) => [s.id, s]));
    return html`<section>
      <h3>${msg('Taking tickets')}</h3>
      <p class="hint">${msg('Empty: tickets from opening until closing, without a quota. Staff may still issue past the cut-off and the quota until closing.')}</p>
      <table data-testid="calendar-services">
        <thead>
          <tr>
            <th scope="col">${msg('Service')}</th>
            <th scope="col">${msg('Tickets from')}</th>
            <th scope="col">${msg('Cut-off (minutes before closing)')}</th>
            <th scope="col">${msg('Daily quota')}</th>
          </tr>
        </thead>
        <tbody>
          ${d.services.map((rule, i) => {
            const service = byId.get(rule.serviceId);
            const name = service ? `${service.prefix} · ${localName(service.name)}` : rule.serviceId;
            const path = `services.${i}`;
            return html`<tr data-testid="calendar-service-${service?.prefix ?? i}">
              <td class="day">${name}</td>
              <td><input type="time" name="${path}.issueFrom" .value=${rule.issueFrom} aria-label=${msg(str`${name}: tickets from`)} />${problemAt(problems, `${path}.issueFrom`)}</td>
              <td><input type="number" inputmode="numeric" name="${path}.cutOffMinutes" min=${cut.min} max=${cut.max} .value=${rule.cutOffMinutes} aria-label=${msg(str`${name}: cut-off`)} aria-invalid=${!!problems[`${path}.cutOffMinutes`]} />${problemAt(problems, `${path}.cutOffMinutes`)}</td>
              <td><input type="number" inputmode="numeric" name="${path}.dailyQuota" min=${quota.min} max=${quota.max} .value=${rule.dailyQuota} aria-label=${msg(str`${name}: daily quota`)} aria-invalid=${!!problems[`${path}.dailyQuota`]} />${problemAt(problems, `${path}.dailyQuota`)}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private _onInput(event: Event) {
    const target = event.target as HTMLInputElement | null;
    if (!this._draft || !target?.name) return;
    this._draft = withValue(this._draft, target.name, target.type === 'checkbox' ? target.checked : target.value);
  }

  private _addSpecialDay() {
    if (this._draft) this._draft = { ...this._draft, specialDays: [...this._draft.specialDays, newSpecialDay()] };
  }

  private _removeSpecialDay(index: number) {
    if (this._draft) this._draft = { ...this._draft, specialDays: this._draft.specialDays.filter((_, i) => i !== index) };
  }

  private _onUndo() {
    this._clearOutcome();
    this._draft = calendarDraft(this._calendar, this._services.map((s) => s.id));
  }

  private async _onSubmit(event: Event) {
    event.preventDefault();
    if (!this._draft) return;
    this._showProblems = true;
    if (Object.keys(checkCalendarDraft(this._draft)).length > 0) return;
    const calendar = calendarBody(this._draft);
    await this._send((admin) => admin.calendar.replace({ calendar }), msg('Calendar saved. The kiosks follow it now.'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-calendar': AdminCalendar;
  }
}
