import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../../protocol/schemas.js';
import { absentCustomers, absentForSeconds } from '../../../../manager-ui/src/logic/absent-customers.js';

const NOW = Date.parse('2026-11-23T02:10:00.000Z');
const secondsAgo = (s: number) => new Date(NOW - s * 1000).toISOString();

function ticket(number: string, status: Ticket['status'], calledSecondsAgo: number | null, counterId: string | null, callCount = 1): Ticket {
  return {
    id: `t-${number}`,
    branchId: 'demo',
    number,
    serviceId: 'cash',
    tier: 'regular',
    status,
    issuedAt: secondsAgo(1800),
    calledAt: calledSecondsAgo === null ? null : secondsAgo(calledSecondsAgo),
    startedAt: status === 'serving' ? secondsAgo(10) : null,
    endedAt: null,
    counterId,
    callCount: calledSecondsAgo === null ? 0 : callCount,
    divertedTo: null,
  };
}

const counters = [
  { id: 'c1', number: 1 },
  { id: 'c3', number: 3 },
  { id: 'c5', number: 5 },
];
const lobby = (tickets: Ticket[], absentAlertSeconds = 90) => ({ tickets, counters, branch: { settings: { absentAlertSeconds } as never } });

describe('a called customer who has not come to the counter', () => {
  it.each([
    ['called 89 s ago under a 90 s threshold', ticket('A031', 'called', 89, 'c3'), null],
    ['called exactly 90 s ago', ticket('A031', 'called', 90, 'c3'), 90],
    ['called 2 minutes ago', ticket('A031', 'called', 120, 'c3'), 120],
    ['being served for long since the call', ticket('A031', 'serving', 600, 'c3'), null],
    ['still waiting, never called', ticket('A031', 'waiting', null, null), null],
    ['marked no-show', ticket('A031', 'no_show', 600, 'c3'), null],
  ])('%s', (_case, t, expected) => {
    expect(absentForSeconds(t, { absentAlertSeconds: 90 }, NOW)).toBe(expected);
  });

  it('counts from the last recall, not the first call: a recall gives the customer the time again', () => {
    const recalled = ticket('A031', 'called', 40, 'c3', 2);
    expect(absentForSeconds(recalled, { absentAlertSeconds: 90 }, NOW)).toBeNull();
    expect(absentForSeconds(recalled, { absentAlertSeconds: 30 }, NOW)).toBe(40);
  });

  it('never counts a call the server stamped after the console’s clock (clocks drift) as absent', () => {
    expect(absentForSeconds(ticket('A031', 'called', -5, 'c3'), { absentAlertSeconds: 30 }, NOW)).toBeNull();
  });
});

describe('the alerts of the hall', () => {
  it('names each absent customer with the counter they were called to, the longest since the call first', () => {
    const tickets = [
      ticket('A031', 'called', 120, 'c3'),
      ticket('B007', 'called', 300, 'c5', 3),
      ticket('A032', 'called', 30, 'c1'),
      ticket('A029', 'serving', 400, 'c1'),
      ticket('A040', 'waiting', null, null),
    ];
    expect(absentCustomers(lobby(tickets), NOW)).toEqual([
      { ticketId: 't-B007', number: 'B007', counterId: 'c5', counterNumber: 5, callCount: 3, sinceCallSeconds: 300 },
      { ticketId: 't-A031', number: 'A031', counterId: 'c3', counterNumber: 3, callCount: 1, sinceCallSeconds: 120 },
    ]);
  });

  it('follows the branch’s threshold', () => {
    const tickets = [ticket('A031', 'called', 45, 'c3')];
    expect(absentCustomers(lobby(tickets, 90), NOW)).toEqual([]);
    expect(absentCustomers(lobby(tickets, 30), NOW).map((a) => a.number)).toEqual(['A031']);
  });

  it('leaves out a called ticket whose counter the snapshot does not hold', () => {
    expect(absentCustomers(lobby([ticket('A031', 'called', 300, 'gone')]), NOW)).toEqual([]);
  });

  it('is empty in a quiet hall', () => {
    expect(absentCustomers(lobby([]), NOW)).toEqual([]);
  });
});
