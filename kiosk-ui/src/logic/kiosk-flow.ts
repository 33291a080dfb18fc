/**
 * The kiosk's flow, one decision per screen: service → (self-service suggestion) → (VIP number) → ticket.
 * A pure reducer: the app renders `step` and performs the request that the `issuing` step asks for.
 */
import type { IssueTicketBody, Machine, Service, Ticket, Tier } from '../../../protocol/index.js';
import { suggestSelfService, type SelfServiceSuggestion } from './self-service.js';

export type KioskStep =
  | { name: 'start' }
  | { name: 'self-service'; service: Service; suggestion: SelfServiceSuggestion }
  | { name: 'vip-ref'; service: Service }
  | { name: 'issuing'; service: Service; customerRef: string | null }
  | { name: 'ticket'; service: Service; ticket: Ticket }
  | { name: 'diverted'; service: Service; suggestion: SelfServiceSuggestion }
  /** The branch keeps a list of its VIP customers and this number is not on it: a regular or priority ticket instead? */
  | { name: 'vip-refused'; service: Service }
  | { name: 'failed'; code: string; message: string };

export interface KioskFlow {
  /** The tier chosen on the start screen; regular unless the customer says otherwise. */
  tier: Tier;
  step: KioskStep;
  /** A card read on the start screen before a service was chosen: the VIP ticket's number. */
  cardRef?: string;
}

export type KioskEvent =
  | { type: 'tier-chosen'; tier: Tier }
  | { type: 'service-chosen'; service: Service; machines: readonly Machine[] }
  | { type: 'self-service-accepted' }
  | { type: 'self-service-declined' }
  | { type: 'vip-ref-entered'; customerRef: string }
  /** A card reader typed a card's number (start or VIP screen). */
  | { type: 'card-read'; customerRef: string }
  /** On the refusal screen: a regular or priority ticket for the same service instead. */
  | { type: 'vip-refused-choose'; tier: Exclude<Tier, 'vip'> }
  | { type: 'ticket-issued'; ticket: Ticket }
  | { type: 'issue-failed'; code: string; message: string }
  | { type: 'reset' };

export const INITIAL_FLOW: KioskFlow = { tier: 'regular', step: { name: 'start' } };

/** The next state; events that do not fit the current step (a second tap, a late reply) change nothing. */
export function nextFlow(flow: KioskFlow, event: KioskEvent): KioskFlow {
  const { step } = flow;
  switch (event.type) {
    case 'reset':
      return INITIAL_FLOW;
    case 'tier-chosen':
      // Choosing another tier after a swipe drops the card: the customer changed their mind.
      return step.name === 'start' ? { tier: event.tier, step, ...(event.tier === 'vip' && flow.cardRef ? { cardRef: flow.cardRef } : {}) } : flow;
    case 'card-read':
      if (step.name === 'start') return { tier: 'vip', step, cardRef: event.customerRef };
      if (step.name === 'vip-ref') return { ...flow, step: { name: 'issuing', service: step.service, customerRef: event.customerRef } };
      return flow;
    case 'vip-refused-choose':
      return step.name === 'vip-refused' ? { tier: event.tier, step: { name: 'issuing', service: step.service, customerRef: null } } : flow;
    case 'service-chosen': {
      if (step.name !== 'start') return flow;
      const suggestion = suggestSelfService(event.service, event.machines);
      if (suggestion) return { ...flow, step: { name: 'self-service', service: event.service, suggestion } };
      return { ...flow, step: afterSelfService(flow, event.service) };
    }
    case 'self-service-accepted':
      if (step.name !== 'self-service') return flow;
      return { ...flow, step: { name: 'diverted', service: step.service, suggestion: step.suggestion } };
    case 'self-service-declined':
      return step.name === 'self-service' ? { ...flow, step: afterSelfService(flow, step.service) } : flow;
    case 'vip-ref-entered': {
      const customerRef = event.customerRef.trim();
      if (step.name !== 'vip-ref' || customerRef === '') return flow;
      return { ...flow, step: { name: 'issuing', service: step.service, customerRef } };
    }
    case 'ticket-issued':
      return step.name === 'issuing' ? { ...flow, step: { name: 'ticket', service: step.service, ticket: event.ticket } } : flow;
    case 'issue-failed':
      if (step.name !== 'issuing') return flow;
      // Not on the branch's VIP list: told kindly, with a way on; never an error screen.
      if (event.code === 'VIP_NOT_RECOGNISED') return { tier: flow.tier, step: { name: 'vip-refused', service: step.service } };
      return { ...flow, step: { name: 'failed', code: event.code, message: event.message } };
  }
}

/** A VIP customer gives their card or customer number first (unless a card was read); everyone else gets a ticket at once. */
function afterSelfService({ tier, cardRef }: KioskFlow, service: Service): KioskStep {
  if (tier !== 'vip') return { name: 'issuing', service, customerRef: null };
  return cardRef ? { name: 'issuing', service, customerRef: cardRef } : { name: 'vip-ref', service };
}

/** What the app sends to POST /api/branches/:branchId/tickets for an `issuing` step. */
export function issueRequest(flow: KioskFlow): IssueTicketBody | null {
  const { step } = flow;
  if (step.name !== 'issuing') return null;
  return step.customerRef
    ? { serviceId: step.service.id, tier: flow.tier, customerRef: step.customerRef }
    : { serviceId: step.service.id, tier: flow.tier };
}

/** The ticket stays on screen ~20 s; any other screen goes back to the start after ~45 s without a touch. */
export const TICKET_SCREEN_MS = 20_000;
export const IDLE_MS = 45_000;

/** How long a step may stay untouched before the kiosk returns to the start; null = never. */
export function returnToStartAfterMs(step: KioskStep): number | null {
  switch (step.name) {
    case 'start':
    case 'issuing': // the request has its own timeout, and a ticket must not be lost mid-issue
      return null;
    case 'ticket':
    case 'diverted':
      return TICKET_SCREEN_MS;
    default:
      return IDLE_MS;
  }
}
