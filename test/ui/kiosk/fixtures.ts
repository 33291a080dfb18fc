/** Small protocol objects for the kiosk's tests. */
import type { Machine, Service, Ticket } from '../../../protocol/index.js';

export function service(overrides: Partial<Service> = {}): Service {
  return {
    id: 'demo-a',
    branchId: 'demo',
    prefix: 'A',
    name: { en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取' },
    selfServiceKind: 'atm',
    targetWaitSeconds: 600,
    defaultServiceSeconds: 240,
    icon: '💴',
    sortOrder: 0,
    ...overrides,
  };
}

export function machine(overrides: Partial<Machine> = {}): Machine {
  return { id: 'atm-1', branchId: 'demo', kind: 'atm', label: 'ATM 1', inService: true, ...overrides };
}

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 't-1',
    branchId: 'demo',
    number: 'A001',
    serviceId: 'demo-a',
    tier: 'regular',
    status: 'waiting',
    issuedAt: '2026-11-22T06:30:00.000Z',
    calledAt: null,
    startedAt: null,
    endedAt: null,
    counterId: null,
    callCount: 0,
    divertedTo: null,
    position: 3,
    estimatedWaitSeconds: 720,
    ...overrides,
  };
}
