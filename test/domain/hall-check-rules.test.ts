import { describe, expect, it } from 'vitest';
import type { CheckAnswer } from '../../protocol/check-routes.js';
import type { Machine } from '../../protocol/schemas.js';
import {
  answeredCheck,
  assertMachineKindInService,
  checklistOf,
  hallOpen,
  isClosedDay,
  machineChangesOf,
  offlineDevices,
  openingCheckSettled,
  type DevicePresenceRow,
} from '../../server/src/domain/hall-check-rules.js';
import { AppError } from '../../server/src/errors.js';

const machine = (id: string, kind: Machine['kind'], overrides: Partial<Machine> = {}): Machine => ({
  id,
  branchId: 'b1',
  kind,
  label: id.toUpperCase(),
  inService: true,
  faultNote: null,
  ...overrides,
});

const ATM1 = machine('atm1', 'atm');
const SST1 = machine('sst1', 'self_service_terminal');
const CHECKLIST = checklistOf(['ticket_machine', 'hall_tidy'], [ATM1, SST1]);
const ok = (item: string, machineId: string | null = null): CheckAnswer => ({ item, machineId, ok: true });
const fault = (item: string, note: string | null, machineId: string | null = null): CheckAnswer => ({ item, machineId, ok: false, note });
const ALL_OK = [ok('ticket_machine'), ok('hall_tidy'), ok('ATM1', 'atm1'), ok('SST1', 'sst1')];

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (err) {
    return err instanceof AppError ? `${err.code}: ${err.message}` : String(err);
  }
};

describe("the day's checklist", () => {
  it("is the branch's own items, then one item per self-service machine", () => {
    expect(CHECKLIST).toEqual([
      { item: 'ticket_machine', machineId: null, machineKind: null },
      { item: 'hall_tidy', machineId: null, machineKind: null },
      { item: 'ATM1', machineId: 'atm1', machineKind: 'atm' },
      { item: 'SST1', machineId: 'sst1', machineKind: 'self_service_terminal' },
    ]);
  });
});

describe('a submitted check', () => {
  it('is stored in the checklist’s order, an OK item without a note and a fault with its note trimmed', () => {
    const answers = [ok('SST1', 'sst1'), fault('ATM1', '  card reader jammed ', 'atm1'), { ...ok('hall_tidy'), note: 'ignored' }, ok('ticket_machine')];
    expect(answeredCheck(CHECKLIST, answers)).toEqual([
      { item: 'ticket_machine', machineId: null, ok: true, note: null },
      { item: 'hall_tidy', machineId: null, ok: true, note: null },
      { item: 'ATM1', machineId: 'atm1', ok: false, note: 'card reader jammed' },
      { item: 'SST1', machineId: 'sst1', ok: true, note: null },
    ]);
  });

  it.each([
    ['an item left out', ALL_OK.slice(1), 'ticket_machine is not answered'],
    ['an item answered twice', [...ALL_OK, ok('hall_tidy')], 'hall_tidy is answered twice'],
    ['an item not on the checklist', [...ALL_OK, ok('coffee_machine')], 'coffee_machine is not on today\'s checklist'],
    ['a machine not in the hall', [...ALL_OK, ok('ATM9', 'atm9')], 'ATM9 is not on today\'s checklist'],
    ['a fault without a note', [fault('ticket_machine', null), ...ALL_OK.slice(1)], 'ticket_machine is a fault: say what is wrong'],
    ['a fault whose note is blank', [ok('ticket_machine'), ok('hall_tidy'), fault('ATM1', '   ', 'atm1'), ok('SST1', 'sst1')], 'ATM1 is a fault'],
  ])('is refused with %s', (_, answers, problem) => {
    expect(codeOf(() => answeredCheck(CHECKLIST, answers))).toMatch(new RegExp(`^VALIDATION_FAILED: .*${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });
});

describe('what a check changes about the machines', () => {
  const answered = (atm: CheckAnswer) => [ok('ticket_machine'), ok('hall_tidy'), atm, ok('SST1', 'sst1')];
  it.each([
    ['a working machine found faulty goes out of service', [ATM1, SST1], fault('ATM1', 'no cash', 'atm1'), { faulty: [{ machineId: 'atm1', note: 'no cash' }], fixed: [] }],
    ['a faulty machine found faulty again with the same note changes nothing', [machine('atm1', 'atm', { inService: false, faultNote: 'no cash' }), SST1], fault('ATM1', 'no cash', 'atm1'), { faulty: [], fixed: [] }],
    ['a faulty machine with a new note keeps the new note', [machine('atm1', 'atm', { inService: false, faultNote: 'no cash' }), SST1], fault('ATM1', 'screen dark', 'atm1'), { faulty: [{ machineId: 'atm1', note: 'screen dark' }], fixed: [] }],
    ['a machine out of service found working comes back', [machine('atm1', 'atm', { inService: false, faultNote: 'no cash' }), SST1], ok('ATM1', 'atm1'), { faulty: [], fixed: ['atm1'] }],
    ['working machines found working change nothing', [ATM1, SST1], ok('ATM1', 'atm1'), { faulty: [], fixed: [] }],
  ])('%s', (_, machines, atmAnswer, changes) => {
    expect(machineChangesOf(answeredCheck(CHECKLIST, answered(atmAnswer)), machines)).toEqual(changes);
  });
});

describe('diverting to a kind of machine', () => {
  it.each([
    ['one of the kind works', [ATM1, machine('atm2', 'atm', { inService: false })], 'atm', 'accepted'],
    ['every machine of the kind is out of service', [machine('atm1', 'atm', { inService: false }), SST1], 'atm', 'INVALID_TRANSITION: no atm is in service: ATM1 out of service'],
    ['the branch lists no machine of the kind', [SST1], 'atm', 'accepted'],
  ] as const)('%s: %s', (_, machines, kind, verdict) => {
    expect(codeOf(() => assertMachineKindInService(machines, kind))).toBe(verdict);
  });
});

describe('the business day', () => {
  it.each([
    ['Monday 23 November 2026', '2026-11-23', [], false],
    ['Saturday 28 November 2026', '2026-11-28', [], true],
    ['Sunday 29 November 2026', '2026-11-29', [], true],
    ['a closed Tuesday of the branch', '2026-12-01', ['2026-12-01'], true],
  ])('%s is closed: %s', (_, day, holidays, closed) => {
    expect(isClosedDay(day, holidays)).toBe(closed);
  });

  it.each([
    ['done', { openingCheckDone: true, closedDay: false, ticketsToday: 0 }, true],
    ['not done on a working day', { openingCheckDone: false, closedDay: false, ticketsToday: 0 }, false],
    ['not done on a closed day nobody came', { openingCheckDone: false, closedDay: true, ticketsToday: 0 }, true],
    ['not done on a closed day customers came', { openingCheckDone: false, closedDay: true, ticketsToday: 3 }, false],
  ])('the opening check %s: settled %s', (_, day, settled) => {
    expect(openingCheckSettled(day)).toBe(settled);
  });

  it.each([
    ['before the opening check and the first ticket', { openingCheckAt: null, firstTicketAt: null, closingCheckAt: null }, false],
    ['after the opening check', { openingCheckAt: '2026-11-23T00:30:00Z', firstTicketAt: null, closingCheckAt: null }, true],
    ['after the first ticket, check not done', { openingCheckAt: null, firstTicketAt: '2026-11-23T01:00:00Z', closingCheckAt: null }, true],
    ['after the closing check', { openingCheckAt: '2026-11-23T00:30:00Z', firstTicketAt: '2026-11-23T01:00:00Z', closingCheckAt: '2026-11-23T09:30:00Z' }, false],
  ])('the hall is open %s: %s', (_, day, open) => {
    expect(hallOpen(day)).toBe(open);
  });
});

describe('devices offline', () => {
  const NOW = new Date('2026-11-23T02:00:00.000Z');
  const ago = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();
  const STARTED = ago(3600);
  const device = (lastConnectedAt: string | null, lastDisconnectedAt: string | null): DevicePresenceRow => ({ id: 'k1', kind: 'kiosk', label: 'Kiosk 1', lastConnectedAt, lastDisconnectedAt });

  it.each([
    ['connected now', device(ago(600), null), true, null],
    ['gone 30 s ago', device(ago(600), ago(30)), false, null],
    ['gone 61 s ago', device(ago(600), ago(61)), false, ago(61)],
    ['never connected', device(null, null), false, 'never'],
    ['left "connected" by a server that stopped, not back since this one started an hour ago', device(ago(7200), ago(9000)), false, STARTED],
  ])('%s', (_, row, connected, since) => {
    const offline = offlineDevices([row], new Set(connected ? ['k1'] : []), STARTED, NOW);
    if (since === null) expect(offline).toEqual([]);
    else expect(offline).toEqual([{ id: 'k1', kind: 'kiosk', label: 'Kiosk 1', offlineSince: since === 'never' ? null : since }]);
  });
});
