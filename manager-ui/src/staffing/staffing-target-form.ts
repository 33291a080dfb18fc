import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { reportForm } from '../reports/report-styles.js';
import { buttons, tokens } from '../shell/styles.js';
import { parseTarget, type StaffingTarget } from './staffing-plan.js';

/**
 * The branch's service level target, read as a sentence: "80 % of customers called within 10 minutes".
 * @fires target-change - detail: StaffingTarget — a valid target was entered
 */
@localized()
@customElement('staffing-target-form')
export class StaffingTargetForm extends LitElement {
  /** The target the plan uses now. */
  @property({ attribute: false }) target: StaffingTarget | null = null;
  /** Disables the form while the plan is computed. */
  @property({ type: Boolean }) busy = false;

  @state() private _percent = '';
  @state() private _minutes = '';
  @state() private _invalid = false;

  static override styles = [
    tokens,
    buttons,
    reportForm,
    css`
      .sentence {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 10px;
        font-size: 18px;
      }
      input {
        width: 90px;
        text-align: end;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('target') && this.target) {
      this._percent = String(Math.round(this.target.serviceLevel * 100));
      this._minutes = String(this.target.targetSeconds / 60);
      this._invalid = false;
    }
  }

  override render() {
    return html`<form @submit=${this._onSubmit} novalidate>
      <div class="sentence">
        <input
          type="number"
          inputmode="numeric"
          min="1"
          max="99"
          name="serviceLevel"
          data-testid="target-percent"
          aria-label=${msg('Share of customers, percent')}
          aria-invalid=${this._invalid}
          .value=${this._percent}
          @input=${(e: Event) => (this._percent = (e.target as HTMLInputElement).value)}
        />
        <span>${msg('% of customers called within')}</span>
        <input
          type="number"
          inputmode="numeric"
          min="1"
          max="240"
          name="targetMinutes"
          data-testid="target-minutes"
          aria-label=${msg('Minutes')}
          aria-invalid=${this._invalid}
          .value=${this._minutes}
          @input=${(e: Event) => (this._minutes = (e.target as HTMLInputElement).value)}
        />
        <span>${msg('minutes')}</span>
        <button type="submit" class="primary" data-testid="target-apply" ?disabled=${this.busy}>${msg('Plan')}</button>
      </div>
      ${this._invalid ? html`<p class="problem" role="alert">${msg('Enter a share from 1 to 99% and a wait from 1 to 240 minutes.')}</p>` : nothing}
    </form>`;
  }

  private _onSubmit(event: Event) {
    event.preventDefault();
    const target = parseTarget(Number(this._percent), Number(this._minutes));
    this._invalid = target === null;
    if (target) this.dispatchEvent(new CustomEvent<StaffingTarget>('target-change', { detail: target, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'staffing-target-form': StaffingTargetForm;
  }
}
