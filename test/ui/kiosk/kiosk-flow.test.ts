import { describe, expect, it } from 'vitest';
import {
  IDLE_MS,
  INITIAL_FLOW,
  TICKET_SCREEN_MS,
  issueRequest,
  nextFlow,
  returnToStartAfterMs,
  type KioskEvent,
  type KioskFlow,
} from '../../../kiosk-ui/src/logic/kiosk-flow.js';
import { suggestSelfService, type SelfServiceSuggestion } from '../../../kiosk-ui/src/logic/self-service.js';
import type { Tier } from '../../../protocol/index.js';
import { machine, service, ticket } from './fixtures.js';

const cash = service();
const forex = service({ id: 'demo-d', prefix: 'D', selfServiceKind: null, name: { en: 'Foreign exchange', zhHant: '外幣兌換', zhHans: '外币兑换' } });
const vipBanking = service({ id: 'demo-v', prefix: 'V', selfServiceKind: null, name: { en: 'VIP banking', zhHant: '貴賓服務', zhHans: '贵宾服务' } });
const atms: SelfServiceSuggestion = suggestSelfService(cash, [machine(), machine({ id: 'atm-2', label: 'ATM 2' })])!;
const ASK = ['regular', 'priority'] as const;

const choose = (s = cash, suggestion: SelfServiceSuggestion | null = null, tiers: Tier[] = [...ASK]): KioskEvent => ({
  type: 'service-chosen',
  service: s,
  tiers,
  suggestion,
});

function run(...events: KioskEvent[]): KioskFlow {
  return events.reduce(nextFlow, INITIAL_FLOW);
}

describe('kiosk flow: the service first, then the tier', () => {
  it('starts on the start screen with an ordinary ticket', () => {
    expect(INITIAL_FLOW).toEqual({ tier: 'regular', step: { name: 'start' } });
  });

  it('asks "priority?" after the service, and issues the answer', () => {
    const asked = run(choose(forex));
    expect(asked.step).toEqual({ name: 'tier', service: forex, tiers: ['regular', 'priority'], suggestion: null });
    expect(issueRequest(asked)).toBeNull();
    expect(issueRequest(nextFlow(asked, { type: 'tier-chosen', tier: 'priority' }))).toEqual({ serviceId: 'demo-d', tier: 'priority' });
    expect(issueRequest(nextFlow(asked, { type: 'tier-chosen', tier: 'regular' }))).toEqual({ serviceId: 'demo-d', tier: 'regular' });
  });

  it('a customer who tapped a service first can still become priority (the old flow could not)', () => {
    const flow = run(choose(cash, atms), { type: 'tier-chosen', tier: 'priority' });
    expect(flow.step).toEqual({ name: 'issuing', service: cash, customerRef: null });
    expect(flow.tier).toBe('priority');
  });

  it('refuses a tier the step does not offer', () => {
    const asked = run(choose(forex));
    expect(nextFlow(asked, { type: 'tier-chosen', tier: 'vip' })).toBe(asked);
  });

  it('asks nothing when only one tier applies: the VIP banking service goes straight to the VIP number', () => {
    const flow = run(choose(vipBanking, null, ['vip']));
    expect(flow).toEqual({ tier: 'vip', step: { name: 'vip-ref', service: vipBanking } });
  });

  it('asks for the VIP number after "I am a VIP customer", and sends it as customerRef', () => {
    let flow = run(choose(cash, atms, ['regular', 'priority', 'vip']), { type: 'tier-chosen', tier: 'vip' });
    expect(flow.step).toEqual({ name: 'vip-ref', service: cash });
    flow = nextFlow(flow, { type: 'vip-ref-entered', customerRef: ' 62220212 ' });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'vip', customerRef: '62220212' });
  });

  it('does not go on with an empty VIP number', () => {
    const before = run(choose(vipBanking, null, ['vip']));
    expect(nextFlow(before, { type: 'vip-ref-entered', customerRef: '  ' })).toBe(before);
  });
});

describe('kiosk flow: the self-service suggestion', () => {
  it('offers the machines to a regular customer when the server says it saves time', () => {
    const flow = run(choose(cash, atms), { type: 'tier-chosen', tier: 'regular' });
    expect(flow.step).toMatchObject({ name: 'self-service', suggestion: { machineKind: 'atm', inService: 2 } });
    expect(issueRequest(flow)).toBeNull();
  });

  it('never offers them to a priority or VIP ticket', () => {
    expect(run(choose(cash, atms), { type: 'tier-chosen', tier: 'priority' }).step.name).toBe('issuing');
    expect(run(choose(cash, atms, ['regular', 'priority', 'vip']), { type: 'tier-chosen', tier: 'vip' }).step.name).toBe('vip-ref');
  });

  it('skips the suggestion when there is none', () => {
    expect(run(choose(cash, null), { type: 'tier-chosen', tier: 'regular' }).step.name).toBe('issuing');
  });

  it('sends the customer to the machines without a ticket on "Take me there"', () => {
    const flow = run(choose(cash, atms), { type: 'tier-chosen', tier: 'regular' }, { type: 'self-service-accepted' });
    expect(flow.step).toMatchObject({ name: 'diverted', service: cash, suggestion: { machineKind: 'atm' } });
    expect(issueRequest(flow)).toBeNull();
  });

  it('issues a regular ticket when the customer takes one anyway', () => {
    const flow = run(choose(cash, atms), { type: 'tier-chosen', tier: 'regular' }, { type: 'self-service-declined' });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'regular' });
  });
});

describe('kiosk flow: replies and resets', () => {
  const issuing = () => run(choose(forex), { type: 'tier-chosen', tier: 'regular' });

  it('shows the issued ticket', () => {
    const issued = ticket({ serviceId: 'demo-d', number: 'D001' });
    expect(nextFlow(issuing(), { type: 'ticket-issued', ticket: issued }).step).toEqual({ name: 'ticket', service: forex, ticket: issued });
  });

  it('shows the failure when the server refuses or cannot be reached', () => {
    const flow = nextFlow(issuing(), { type: 'issue-failed', code: 'NETWORK', message: 'server unreachable' });
    expect(flow.step).toEqual({ name: 'failed', code: 'NETWORK', message: 'server unreachable' });
  });

  it('ignores a second tap on a tile while the first ticket is being issued', () => {
    const flow = issuing();
    expect(nextFlow(flow, choose(cash, atms))).toBe(flow);
  });

  it('ignores a reply that arrives after the kiosk went back to the start', () => {
    const flow = nextFlow(issuing(), { type: 'reset' });
    expect(nextFlow(flow, { type: 'ticket-issued', ticket: ticket() })).toBe(flow);
    expect(nextFlow(flow, { type: 'issue-failed', code: 'INTERNAL', message: 'x' })).toBe(flow);
  });

  it('does not take a tier on the start screen, before a service', () => {
    expect(nextFlow(INITIAL_FLOW, { type: 'tier-chosen', tier: 'vip' })).toBe(INITIAL_FLOW);
  });

  it('forgets the tier on reset, so the next customer starts with an ordinary ticket', () => {
    const flow = run(choose(vipBanking, null, ['vip']), { type: 'reset' });
    expect(flow).toEqual(INITIAL_FLOW);
  });
});

describe('returning to the start by itself', () => {
  it('keeps the ticket on screen about 20 s, and any other screen 45 s', () => {
    expect(returnToStartAfterMs({ name: 'ticket', service: forex, ticket: ticket() })).toBe(TICKET_SCREEN_MS);
    expect(TICKET_SCREEN_MS).toBe(20_000);
    expect(returnToStartAfterMs({ name: 'vip-ref', service: forex })).toBe(IDLE_MS);
    expect(returnToStartAfterMs({ name: 'tier', service: forex, tiers: ['regular', 'priority'], suggestion: null })).toBe(IDLE_MS);
    expect(IDLE_MS).toBe(45_000);
    expect(returnToStartAfterMs({ name: 'failed', code: 'NETWORK', message: '' })).toBe(IDLE_MS);
  });

  it('counts on the start screen too (a language chosen there is forgotten), but never while a ticket is issued', () => {
    expect(returnToStartAfterMs({ name: 'start' })).toBe(IDLE_MS);
    expect(returnToStartAfterMs({ name: 'issuing', service: forex, customerRef: null })).toBeNull();
  });
});
