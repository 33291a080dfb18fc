/**
 * `<admin-webhook-deliveries>`: a webhook's latest deliveries, newest first: what was sent, whether
 * the gateway took it, after how many attempts, and the last answer or error. Read-only.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { WebhookDelivery } from '../../../protocol/notification-routes.js';
import { sectionStyles } from './admin-styles.js';

/** The delivery's event, in the words the form uses. */
export function webhookEventName(type: string): string {
  switch (type) {
    case 'ticket.issued':
      return msg('Ticket issued');
    case 'ticket.called':
      return msg('Ticket called');
    case 'ticket.ahead':
      return msg('Turn near (people ahead)');
    case 'webhook.test':
      return msg('Test');
    default:
      return type;
  }
}

@localized()
@customElement('admin-webhook-deliveries')
export class AdminWebhookDeliveries extends LitElement {
  /** Newest first, as the server lists them. */
  @property({ attribute: false }) deliveries: WebhookDelivery[] = [];
  /** The branch's IANA time zone; the browser's when absent. */
  @property({ attribute: false }) timeZone: string | undefined = undefined;

  static override styles = [
    sectionStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 15px;
      }
      th,
      td {
        text-align: start;
        padding: 6px 8px;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      th {
        color: var(--muted);
        font-weight: 600;
      }
      .failed {
        color: var(--alarm);
      }
      .pending {
        color: var(--warn, #8f5300);
      }
      .error {
        color: var(--muted);
        font-size: 13px;
        word-break: break-word;
      }
    `,
  ];

  override render() {
    if (this.deliveries.length === 0) return html`<p class="empty" data-testid="webhook-no-deliveries">${msg('Nothing sent yet.')}</p>`;
    return html`<table data-testid="webhook-deliveries">
      <thead>
        <tr>
          <th>${msg('Time')}</th>
          <th>${msg('Event')}</th>
          <th>${msg('Status')}</th>
          <th>${msg('Attempts')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.deliveries.map(
          (d) => html`<tr data-testid="webhook-delivery">
            <td>${this._time(d.createdAt)}</td>
            <td>${webhookEventName(d.eventType)}</td>
            <td class=${d.status}>
              ${this._status(d)}
              ${d.lastError && d.status !== 'delivered' ? html`<div class="error">${d.lastError}</div>` : nothing}
            </td>
            <td>${d.attempts}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** A moment in branch time, to the second. */
  private _time(iso: string): string {
    return new Date(iso).toLocaleTimeString(document.documentElement.lang || undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: this.timeZone });
  }

  private _status(d: WebhookDelivery) {
    switch (d.status) {
      case 'delivered':
        return msg(str`Delivered (${d.lastStatusCode ?? ''})`);
      case 'pending': {
        if (d.attempts === 0) return msg('Sending…');
        const at = d.nextAttemptAt ? this._time(d.nextAttemptAt) : '';
        return msg(str`Will retry at ${at}`);
      }
      case 'failed':
        return msg('Failed');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'admin-webhook-deliveries': AdminWebhookDeliveries;
  }
}
