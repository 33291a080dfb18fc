/** The branch settings' "Customers' screens" fieldset: the kiosk's self-service threshold, the phone's notice, the ticket's QR address. */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { PUSH_AHEAD_COUNT, SELF_SERVICE_MIN_SAVING_SECONDS } from '../../../protocol/schemas.js';
import { field } from './admin-fields.js';
import type { BranchDraft, BranchField, Problems } from './admin-validation.js';

/** The fieldset, for <admin-branch-settings> (its form reads the inputs by name). */
export function customerScreensFields(d: BranchDraft, problems: Problems<BranchField>): TemplateResult {
  const saving = { min: SELF_SERVICE_MIN_SAVING_SECONDS.min / 60, max: SELF_SERVICE_MIN_SAVING_SECONDS.max / 60 };
  return html`<fieldset class="wide">
    <legend>${msg("Customers' screens")}</legend>
    <div class="row2">
      ${field(
        msg('Suggest a machine from a wait of (minutes)'),
        html`<input name="selfServiceMinSavingMinutes" type="number" inputmode="decimal" min=${saving.min} max=${saving.max} step="any" .value=${d.selfServiceMinSavingMinutes} required aria-invalid=${!!problems.selfServiceMinSavingMinutes} />`,
        problems.selfServiceMinSavingMinutes,
        msg(str`The kiosk suggests an ATM or terminal to a regular customer only when the wait is at least this long (${saving.min}–${saving.max}); never to priority or VIP customers.`),
      )}
      ${field(
        msg('Tell a customer when this many are ahead'),
        html`<input name="pushAheadCount" type="number" inputmode="numeric" min=${PUSH_AHEAD_COUNT.min} max=${PUSH_AHEAD_COUNT.max} .value=${d.pushAheadCount} required aria-invalid=${!!problems.pushAheadCount} />`,
        problems.pushAheadCount,
        msg(str`A customer who allowed notifications on their phone is told when this many people are ahead (${PUSH_AHEAD_COUNT.min}–${PUSH_AHEAD_COUNT.max}).`),
      )}
    </div>
    ${field(
      msg("The branch's public address"),
      html`<input name="publicUrl" type="url" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://" .value=${d.publicUrl} aria-invalid=${!!problems.publicUrl} />`,
      problems.publicUrl,
      msg("The address customers' phones reach the branch at, for the QR code on the ticket (https://…). Empty: the kiosk's own address."),
    )}
  </fieldset>`;
}
