/**
 * The kiosk's flow, one decision per screen: service → (priority or VIP, where it applies) →
 * (self-service suggestion, regular tickets only) → (VIP number) → ticket.
 * A pure reducer: the app renders `step` and performs the request that the `issuing` step asks for.
 */
import type { IssueTicketBody, Service, Ticket, Tier } from '../../../protocol/index.js';
import type { SelfServiceSuggestion } from './self-service.js';

export type KioskStep =
  | { name: 'start' }
  /** "Do you need priority service?" for the chosen service; `tiers` are the choices offered. */
  | { name: 'tier'; service: Service; tiers: Tier[]; suggestion: SelfServiceSuggestion | null }
  | { name: 'self-service'; service: Service; suggestion: SelfServiceSuggestion }
  | { name: 'vip-ref'; service: Service }
  | { name: 'issuing'; service: Service; customerRef: string | null }
  | { name: 'ticket'; service: Service; ticket: Ticket }
  | { name: 'diverted'; service: Service; suggestion: SelfServiceSuggestion }
  /** The branch keeps a list of its VIP customers and this number is not on it: a regular or priority ticket instead? */
  | { name: 'vip-refused'; service: Service }
  | { name: 'failed'; code: string; message: string };

export interface KioskFlow {
  /** The tier of the ticket; regular until the customer says otherwise on the tier step (or swipes a VIP card). */
  tier: Tier;
  step: KioskStep;
  /** A card read on the start screen before a service was chosen: the VIP ticket's number. */
  cardRef?: string;
}

export type KioskEvent =
  /**
   * A service tile was tapped. `tiers`: the choices that apply (tier-choice.ts; one choice is no
   * question); `suggestion`: a machine that saves a regular customer real time, or null.
   */
  | { type: 'service-chosen'; service: Service; tiers: Tier[]; suggestion: SelfServiceSuggestion | null }
  /** On the tier step. */
  | { type: 'tier-chosen'; tier: Tier }
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
    case 'card-read':
      if (step.name === 'start') return { tier: 'vip', step, cardRef: event.customerRef };
      if (step.name === 'vip-ref') return { ...flow, step: { name: 'issuing', service: step.service, customerRef: event.customerRef } };
      return flow;
    case 'service-chosen': {
      if (step.name !== 'start') return flow;
      const { service, tiers, suggestion } = event;
      // A swiped card already said "VIP": no question, whatever the service.
      if (flow.cardRef) return { ...flow, step: { name: 'issuing', service, customerRef: flow.cardRef } };
      if (tiers.length > 1) return { tier: 'regular', step: { name: 'tier', service, tiers, suggestion } };
      return afterTier(tiers[0] ?? 'regular', service, suggestion);
    }
    case 'tier-chosen':
      if (step.name !== 'tier' || !step.tiers.includes(event.tier)) return flow;
      return afterTier(event.tier, step.service, step.suggestion);
    case 'vip-refused-choose':
      return step.name === 'vip-refused' ? { tier: event.tier, step: { name: 'issuing', service: step.service, customerRef: null } } : flow;
    case 'self-service-accepted':
      if (step.name !== 'self-service') return flow;
      return { ...flow, step: { name: 'diverted', service: step.service, suggestion: step.suggestion } };
    case 'self-service-declined':
      return step.name === 'self-service' ? { ...flow, step: { name: 'issuing', service: step.service, customerRef: null } } : flow;
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

/** A VIP gives their number; a priority ticket is issued at once; a regular customer may be offered a machine first. */
function afterTier(tier: Tier, service: Service, suggestion: SelfServiceSuggestion | null): KioskFlow {
  if (tier === 'vip') return { tier, step: { name: 'vip-ref', service } };
  if (tier === 'regular' && suggestion) return { tier, step: { name: 'self-service', service, suggestion } };
  return { tier, step: { name: 'issuing', service, customerRef: null } };
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
    case 'issuing': // the request has its own timeout, and a ticket must not be lost mid-issue
      return null;
    case 'ticket':
    case 'diverted':
      return TICKET_SCREEN_MS;
    // The start screen too: a language chosen or a card read there is forgotten when its customer walks away.
    default:
      return IDLE_MS;
  }
}
