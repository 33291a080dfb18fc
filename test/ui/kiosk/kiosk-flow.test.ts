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
import { machine, service, ticket } from './fixtures.js';

const cash = service();
const forex = service({ id: 'demo-d', prefix: 'D', selfServiceKind: null, name: { en: 'Foreign exchange', zhHant: '外幣兌換', zhHans: '外币兑换' } });
const atms = [machine(), machine({ id: 'atm-2', label: 'ATM 2' })];

function run(...events: KioskEvent[]): KioskFlow {
  return events.reduce(nextFlow, INITIAL_FLOW);
}

describe('kiosk flow', () => {
  it('starts on the start screen with an ordinary ticket', () => {
    expect(INITIAL_FLOW).toEqual({ tier: 'regular', step: { name: 'start' } });
  });

  it('issues an ordinary ticket at once for a service without self-service', () => {
    const flow = run({ type: 'service-chosen', service: forex, machines: atms });
    expect(flow.step).toEqual({ name: 'issuing', service: forex, customerRef: null });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-d', tier: 'regular' });
  });

  it('suggests the ATMs for cash when ATMs are in service', () => {
    const flow = run({ type: 'service-chosen', service: cash, machines: atms });
    expect(flow.step).toMatchObject({ name: 'self-service', suggestion: { machineKind: 'atm', inService: 2, labels: ['ATM 1', 'ATM 2'] } });
    expect(issueRequest(flow)).toBeNull();
  });

  it('skips the suggestion when no machine of that kind is in service', () => {
    const flow = run({ type: 'service-chosen', service: cash, machines: [machine({ inService: false })] });
    expect(flow.step.name).toBe('issuing');
  });

  it('sends the customer to the machines without a ticket on "Take me there"', () => {
    const flow = run({ type: 'service-chosen', service: cash, machines: atms }, { type: 'self-service-accepted' });
    expect(flow.step).toMatchObject({ name: 'diverted', service: cash, suggestion: { machineKind: 'atm' } });
    expect(issueRequest(flow)).toBeNull();
  });

  it('issues a ticket when the customer takes one anyway', () => {
    const flow = run({ type: 'service-chosen', service: cash, machines: atms }, { type: 'self-service-declined' });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'regular' });
  });

  it('issues a priority ticket when priority was chosen first', () => {
    const flow = run({ type: 'tier-chosen', tier: 'priority' }, { type: 'service-chosen', service: forex, machines: [] });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-d', tier: 'priority' });
  });

  it('asks a VIP customer for their number after the suggestion, and sends it as customerRef', () => {
    let flow = run({ type: 'tier-chosen', tier: 'vip' }, { type: 'service-chosen', service: cash, machines: atms });
    expect(flow.step.name).toBe('self-service');
    flow = nextFlow(flow, { type: 'self-service-declined' });
    expect(flow.step).toEqual({ name: 'vip-ref', service: cash });
    flow = nextFlow(flow, { type: 'vip-ref-entered', customerRef: ' 62220212 ' });
    expect(issueRequest(flow)).toEqual({ serviceId: 'demo-a', tier: 'vip', customerRef: '62220212' });
  });

  it('does not go on with an empty VIP number', () => {
    const before = run({ type: 'tier-chosen', tier: 'vip' }, { type: 'service-chosen', service: forex, machines: [] });
    expect(nextFlow(before, { type: 'vip-ref-entered', customerRef: '  ' })).toBe(before);
  });

  it('shows the issued ticket', () => {
    const issued = ticket({ serviceId: 'demo-d', number: 'D001' });
    const flow = run({ type: 'service-chosen', service: forex, machines: [] }, { type: 'ticket-issued', ticket: issued });
    expect(flow.step).toEqual({ name: 'ticket', service: forex, ticket: issued });
  });

  it('shows the failure when the server refuses or cannot be reached', () => {
    const flow = run(
      { type: 'service-chosen', service: forex, machines: [] },
      { type: 'issue-failed', code: 'NETWORK', message: 'server unreachable' },
    );
    expect(flow.step).toEqual({ name: 'failed', code: 'NETWORK', message: 'server unreachable' });
  });

  it('ignores a second tap on a tile while the first ticket is being issued', () => {
    const issuing = run({ type: 'service-chosen', service: forex, machines: [] });
    expect(nextFlow(issuing, { type: 'service-chosen', service: cash, machines: atms })).toBe(issuing);
  });

  it('ignores a reply that arrives after the kiosk went back to the start', () => {
    const flow = run({ type: 'service-chosen', service: forex, machines: [] }, { type: 'reset' });
    expect(nextFlow(flow, { type: 'ticket-issued', ticket: ticket() })).toBe(flow);
    expect(nextFlow(flow, { type: 'issue-failed', code: 'INTERNAL', message: 'x' })).toBe(flow);
  });

  it('does not change the tier in the middle of the flow', () => {
    const flow = run({ type: 'service-chosen', service: cash, machines: atms });
    expect(nextFlow(flow, { type: 'tier-chosen', tier: 'vip' })).toBe(flow);
  });

  it('forgets the tier on reset, so the next customer starts with an ordinary ticket', () => {
    const flow = run({ type: 'tier-chosen', tier: 'vip' }, { type: 'reset' });
    expect(flow).toEqual(INITIAL_FLOW);
  });
});

describe('returning to the start by itself', () => {
  it('keeps the ticket on screen about 20 s, and any other screen 45 s', () => {
    expect(returnToStartAfterMs({ name: 'ticket', service: forex, ticket: ticket() })).toBe(TICKET_SCREEN_MS);
    expect(TICKET_SCREEN_MS).toBe(20_000);
    expect(returnToStartAfterMs({ name: 'vip-ref', service: forex })).toBe(IDLE_MS);
    expect(IDLE_MS).toBe(45_000);
    expect(returnToStartAfterMs({ name: 'failed', code: 'NETWORK', message: '' })).toBe(IDLE_MS);
  });

  it('never leaves the start screen, nor a ticket being issued', () => {
    expect(returnToStartAfterMs({ name: 'start' })).toBeNull();
    expect(returnToStartAfterMs({ name: 'issuing', service: forex, customerRef: null })).toBeNull();
  });
});
