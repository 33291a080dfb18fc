/** The Calendar tab's words: weekdays, problems, and the hours row every day and special day shares. */
import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { CALENDAR_LIMITS } from '../../../protocol/calendar-schemas.js';
import type { CalendarProblem, CalendarProblems, HoursDraft } from './calendar-draft.js';

/** Monday first, as the calendar orders them. */
export function weekdayName(index: number): string {
  return [msg('Monday'), msg('Tuesday'), msg('Wednesday'), msg('Thursday'), msg('Friday'), msg('Saturday'), msg('Sunday')][index] ?? '';
}

export function calendarProblemText(problem: CalendarProblem): string {
  const { cutOffMinutes: cut, dailyQuota: quota } = CALENDAR_LIMITS;
  switch (problem) {
    case 'required':
      return msg('Required');
    case 'time':
      return msg('Enter a time as HH:MM');
    case 'closesBeforeOpens':
      return msg('Closing must come after opening');
    case 'lunchHalf':
      return msg('Give both ends of lunch, or neither');
    case 'lunchOutside':
      return msg('Lunch must lie within the opening hours');
    case 'date':
      return msg('Enter a date');
    case 'duplicateDate':
      return msg('This date is already listed');
    case 'cutOff':
      return msg(str`Enter whole minutes from ${cut.min} to ${cut.max}`);
    case 'quota':
      return msg(str`Enter a number from ${quota.min} to ${quota.max}`);
  }
}

/** The problem under a field, if any. */
export function problemAt(problems: CalendarProblems, path: string) {
  const problem = problems[path];
  return problem ? html`<span class="problem" data-testid="admin-problem">${calendarProblemText(problem)}</span>` : nothing;
}

/** A time input of the form, named by its path in the draft. */
function timeInput(path: string, value: string, label: string, problems: CalendarProblems, disabled: boolean) {
  return html`<label class="cell">
    <span class="sr">${label}</span>
    <input type="time" name=${path} .value=${value} ?disabled=${disabled} aria-invalid=${!!problems[path]} aria-label=${label} />
    ${problemAt(problems, path)}
  </label>`;
}

/** Open or closed, opening, closing and lunch: the cells of one day's row. */
export function hoursCells(path: string, hours: HoursDraft, problems: CalendarProblems, dayLabel: string) {
  const closed = !hours.open;
  return html`<td>
      <label class="check"><input type="checkbox" name="${path}.open" .checked=${hours.open} aria-label=${msg(str`${dayLabel}: open`)} />${hours.open ? msg('Open') : msg('Closed')}</label>
    </td>
    <td>${timeInput(`${path}.opensAt`, hours.opensAt, msg(str`${dayLabel}: opens`), problems, closed)}</td>
    <td>${timeInput(`${path}.closesAt`, hours.closesAt, msg(str`${dayLabel}: closes`), problems, closed)}</td>
    <td>${timeInput(`${path}.lunchFrom`, hours.lunchFrom, msg(str`${dayLabel}: lunch from`), problems, closed)}</td>
    <td>${timeInput(`${path}.lunchUntil`, hours.lunchUntil, msg(str`${dayLabel}: lunch until`), problems, closed)}</td>`;
}
