import { describe, expect, it } from 'vitest';
import type { Counter, Ticket } from '../../../../protocol/schemas.js';
import { counterHeldBy, currentTicketOf, ticketsInCallOrder, transferredFrom, waitingTicketsOf } from '../../../../manager-ui/src/logic/snapshot-views.js';

const ticket = (number: string, serviceId: string, issuedAt: string, status: Ticket['status'] = 'waiting'): Ticket => ({
  id: `id-${number}`,
  branchId: 'demo',
  number,
  serviceId,
  tier: 'regular',
  status,
  issuedAt,
  calledAt: null,
  startedAt: null,
  endedAt: null,
  counterId: null,
  callCount: 0,
  divertedTo: null,
});

const counter = (number: number, tellerId: string | null, status: Counter['status'], currentTicketId: string | null = null): Counter => ({
  id: `c${number}`,
  branchId: 'demo',
  number,
  vip: false,
  lowCounter: false,
  serviceIds: [],
  status,
  tellerId,
  tellerName: null,
  currentTicketId,
  statusChangedAt: '2026-11-22T06:00:00.000Z',
});

describe('snapshot views', () => {
  it("lists a service's waiting tickets, the one who has waited longest first", () => {
    const tickets = [
      ticket('A003', 'cash', '2026-11-22T06:10:00.000Z'),
      ticket('A001', 'cash', '2026-11-22T06:00:00.000Z'),
      ticket('A002', 'cash', '2026-11-22T06:05:00.000Z', 'called'),
      ticket('B001', 'transfer', '2026-11-22T05:00:00.000Z'),
      // Transferred in: keeps its original arrival time, so it goes first.
      ticket('C007', 'cash', '2026-11-22T05:55:00.000Z'),
    ];
    expect(waitingTicketsOf({ tickets }, 'cash').map((t) => t.number)).toEqual(['C007', 'A001', 'A003']);
  });

  it('lists a service in the order the server will call it: by position, VIP then priority at equal positions', () => {
    const placed = (t: Ticket, tier: Ticket['tier'], position?: number): Ticket => ({ ...t, tier, ...(position === undefined ? {} : { position }) });
    const tickets = [
      placed(ticket('A001', 'cash', '2026-11-22T06:00:00.000Z'), 'regular', 1),
      placed(ticket('A002', 'cash', '2026-11-22T06:01:00.000Z'), 'regular', 2),
      placed(ticket('A003', 'cash', '2026-11-22T06:02:00.000Z'), 'priority', 0),
      // In the VIP lane, which counts its own positions from 0.
      placed(ticket('A004', 'cash', '2026-11-22T06:03:00.000Z'), 'vip', 0),
      placed(ticket('A005', 'cash', '2026-11-22T06:04:00.000Z'), 'regular'),
      placed(ticket('B001', 'transfer', '2026-11-22T05:00:00.000Z'), 'vip', 0),
    ];
    expect(ticketsInCallOrder({ tickets }, 'cash').map((t) => t.number)).toEqual(['A004', 'A003', 'A001', 'A002', 'A005']);
  });

  it('tells a transferred ticket by the prefix its number kept, and names the service it came from', () => {
    const services = [
      { id: 'cash', prefix: 'A' },
      { id: 'cards', prefix: 'C' },
    ];
    expect(transferredFrom(ticket('C007', 'cash', '2026-11-22T05:55:00.000Z'), services)?.id).toBe('cards');
    expect(transferredFrom(ticket('A001', 'cash', '2026-11-22T06:00:00.000Z'), services)).toBeNull();
  });

  it('finds the counter a teller holds, but not one that is closed', () => {
    const counters = [counter(1, 'ann', 'closed'), counter(2, 'bob', 'open'), counter(3, 'ann', 'paused')];
    expect(counterHeldBy({ counters }, 'ann')?.number).toBe(3);
    expect(counterHeldBy({ counters }, 'cat')).toBeUndefined();
  });

  it("finds the counter's current ticket among the active tickets", () => {
    const called = ticket('A001', 'cash', '2026-11-22T06:00:00.000Z', 'called');
    expect(currentTicketOf({ tickets: [called] }, counter(1, 'ann', 'open', called.id))).toBe(called);
    expect(currentTicketOf({ tickets: [called] }, counter(1, 'ann', 'open'))).toBeUndefined();
  });
});
