/**
 * The branch head's figures (docs/reports.md), against a day built by hand: 40 tickets of the demo
 * branch (Asia/Shanghai, UTC+8) on Friday 2026-11-20, written straight into the database with their
 * call events, ratings, complaints, referrals and faults. Every expected figure is worked out here.
 *
 * Demo targets: A and B 600 s, C and D 900 s, E 1200 s, V 300 s.
 * Tellers: 1 at counter 1 (A), 2 at counter 2 (B), 3 at counter 6 (V), 4 at counter 3 (C),
 * 5 at counter 5 (C, E), 6 at counter 4 (D).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEventType } from '../../protocol/messages.js';
import type { FiguresReport, FiguresRow, QueueFigures } from '../../protocol/report-routes.js';
import type { TicketStatus, Tier } from '../../protocol/schemas.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';

const DAY = '2026-11-20';
const NEXT_DAY = '2026-11-21';
const FIGURES = `/api/branches/${BRANCH}/reports/figures`;
const RECORDS = `/api/branches/${BRANCH}/reports/records`;

/** Shanghai wall-clock time, as the UTC ISO string the database keeps. */
const local = (hhmm: string, plusSeconds = 0, day = DAY) => new Date(Date.parse(`${day}T${hhmm}:00+08:00`) + plusSeconds * 1000).toISOString();

interface Visit {
  number: string;
  /** The service it ends in (a transferred ticket: the last one). */
  prefix: string;
  at: string;
  tier?: Tier;
  status: TicketStatus;
  /** Seconds from issue to the first call; absent: never called. */
  wait?: number;
  /** Seconds from the start of service to its end (status done). */
  serve?: number;
  counterNumber?: number;
  teller?: number;
  score?: number;
  day?: string;
  /** Call events besides the one `wait` makes (a transfer's earlier counters), and the ticket row's own called_at. */
  calls?: { at: string; counterNumber: number; teller: number; type?: DomainEventType }[];
  calledAt?: string;
}

// prettier-ignore
const VISITS: Visit[] = [
  // Cash (A) at counter 1, teller 1: ten served, waits 60…900, service 120…360 s.
  { number: 'A001', prefix: 'A', at: '09:00', status: 'done', wait: 60, serve: 120, counterNumber: 1, teller: 1, score: 5 },
  { number: 'A002', prefix: 'A', at: '09:05', status: 'done', wait: 120, serve: 180, counterNumber: 1, teller: 1, score: 4 },
  { number: 'A003', prefix: 'A', at: '09:10', status: 'done', wait: 180, serve: 240, counterNumber: 1, teller: 1, score: 3 },
  { number: 'A004', prefix: 'A', at: '09:20', tier: 'priority', status: 'done', wait: 240, serve: 300, counterNumber: 1, teller: 1, score: 5 },
  { number: 'A005', prefix: 'A', at: '09:30', status: 'done', wait: 300, serve: 360, counterNumber: 1, teller: 1 },
  { number: 'A006', prefix: 'A', at: '10:00', status: 'done', wait: 420, serve: 120, counterNumber: 1, teller: 1, score: 2 },
  { number: 'A007', prefix: 'A', at: '10:10', status: 'done', wait: 540, serve: 180, counterNumber: 1, teller: 1, score: 1 },
  { number: 'A008', prefix: 'A', at: '10:20', status: 'done', wait: 660, serve: 240, counterNumber: 1, teller: 1 },
  { number: 'A009', prefix: 'A', at: '10:30', tier: 'priority', status: 'done', wait: 780, serve: 300, counterNumber: 1, teller: 1, score: 4 },
  { number: 'A010', prefix: 'A', at: '10:40', status: 'done', wait: 900, serve: 360, counterNumber: 1, teller: 1, score: 5 },
  { number: 'A011', prefix: 'A', at: '11:00', status: 'no_show', wait: 480, counterNumber: 1, teller: 1 },
  { number: 'A012', prefix: 'A', at: '11:20', status: 'cancelled' },
  { number: 'A013', prefix: 'A', at: '12:10', status: 'diverted' },
  // Called at 13:20 (wait 600), recalled at 13:22: the ticket row keeps the recall's time, the wait counts to the first call.
  { number: 'A014', prefix: 'A', at: '13:10', status: 'done', wait: 600, serve: 240, counterNumber: 1, teller: 1, score: 5,
    calls: [{ at: local('13:22'), counterNumber: 1, teller: 1, type: 'ticket.recalled' }], calledAt: local('13:22') },
  { number: 'A015', prefix: 'A', at: '16:40', status: 'waiting' },
  // 23:30 in Shanghai is 15:30 UTC: still business day 2026-11-20, hour 23.
  { number: 'A016', prefix: 'A', at: '23:30', status: 'cancelled' },
  // Transfers (B) at counter 2, teller 2.
  { number: 'B001', prefix: 'B', at: '09:15', status: 'done', wait: 0, serve: 600, counterNumber: 2, teller: 2, score: 5 },
  { number: 'B002', prefix: 'B', at: '09:45', status: 'done', wait: 300, serve: 300, counterNumber: 2, teller: 2, score: 4 },
  { number: 'B003', prefix: 'B', at: '11:00', tier: 'vip', status: 'done', wait: 60, serve: 420, counterNumber: 2, teller: 2, score: 5 },
  { number: 'B004', prefix: 'B', at: '11:30', status: 'done', wait: 1200, serve: 480, counterNumber: 2, teller: 2 },
  { number: 'B005', prefix: 'B', at: '13:00', status: 'done', wait: 600, serve: 540, counterNumber: 2, teller: 2, score: 3 },
  { number: 'B006', prefix: 'B', at: '11:10', status: 'no_show', wait: 240, counterNumber: 2, teller: 2 },
  { number: 'B007', prefix: 'B', at: '12:20', status: 'diverted' },
  { number: 'B008', prefix: 'B', at: '16:45', status: 'called', wait: 300, counterNumber: 2, teller: 2 },
  // C002, issued 09:50 for cards: called at counter 3 at 10:00 (wait 600), transferred to A, called at counter 1
  // at 10:15, transferred to B, called at counter 2 at 10:30 and served there. One transfer, teller 2's ticket.
  { number: 'C002', prefix: 'B', at: '09:50', status: 'done', wait: 600, serve: 300, counterNumber: 2, teller: 2, score: 4,
    calls: [
      { at: local('10:05'), counterNumber: 3, teller: 4, type: 'ticket.transferred' },
      { at: local('10:15'), counterNumber: 1, teller: 1 },
      { at: local('10:20'), counterNumber: 1, teller: 1, type: 'ticket.transferred' },
      { at: local('10:30'), counterNumber: 2, teller: 2 },
    ], calledAt: local('10:30') },
  // VIP (V) at counter 6, teller 3.
  { number: 'V001', prefix: 'V', at: '10:00', tier: 'vip', status: 'done', wait: 120, serve: 600, counterNumber: 6, teller: 3, score: 5 },
  { number: 'V002', prefix: 'V', at: '10:30', tier: 'vip', status: 'done', wait: 360, serve: 900, counterNumber: 6, teller: 3, score: 4 },
  { number: 'V003', prefix: 'V', at: '14:00', tier: 'vip', status: 'done', wait: 60, serve: 300, counterNumber: 6, teller: 3 },
  // Cards (C): counter 3 (teller 4) and counter 5 (teller 5).
  { number: 'C001', prefix: 'C', at: '12:00', status: 'cancelled' },
  { number: 'C003', prefix: 'C', at: '16:30', status: 'serving', wait: 600, counterNumber: 3, teller: 4 },
  // 07:50 in Shanghai is 23:50 UTC the day before: business day 2026-11-20, hour 07.
  { number: 'C004', prefix: 'C', at: '07:50', status: 'done', wait: 600, serve: 600, counterNumber: 5, teller: 5, score: 4 },
  { number: 'C005', prefix: 'C', at: '14:30', tier: 'priority', status: 'done', wait: 300, serve: 420, counterNumber: 5, teller: 5, score: 5 },
  { number: 'C006', prefix: 'C', at: '14:40', status: 'done', wait: 1200, serve: 480, counterNumber: 5, teller: 5 },
  // Foreign exchange (D) at counter 4, teller 6.
  { number: 'D001', prefix: 'D', at: '09:00', status: 'done', wait: 100, serve: 200, counterNumber: 4, teller: 6, score: 5 },
  { number: 'D002', prefix: 'D', at: '09:10', tier: 'priority', status: 'done', wait: 200, serve: 250, counterNumber: 4, teller: 6, score: 4 },
  { number: 'D003', prefix: 'D', at: '09:20', status: 'done', wait: 1000, serve: 150, counterNumber: 4, teller: 6, score: 2 },
  { number: 'D004', prefix: 'D', at: '09:30', status: 'done', wait: 900, serve: 350, counterNumber: 4, teller: 6, score: 4 },
  { number: 'D005', prefix: 'D', at: '15:00', status: 'done', wait: 50, serve: 100, counterNumber: 4, teller: 6 },
  { number: 'D006', prefix: 'D', at: '15:10', status: 'done', wait: 1500, serve: 450, counterNumber: 4, teller: 6, score: 1 },
  // Loans (E) at counter 5, teller 5: gone when called.
  { number: 'E001', prefix: 'E', at: '15:20', status: 'no_show', wait: 700, counterNumber: 5, teller: 5 },
];

/** 00:30 on the next day is 16:30 UTC on this one: it belongs to 2026-11-21, not to the fixture day. */
const NEXT_DAY_VISIT: Visit = { number: 'A001', prefix: 'A', at: '00:30', day: NEXT_DAY, status: 'done', wait: 120, serve: 60, counterNumber: 1, teller: 1 };

let t: TestApp;
const tellerIds = new Map<number, string>();
let seq = 1_000_000;

async function writeVisit(visit: Visit) {
  const db = t.app.lobby.db;
  const day = visit.day ?? DAY;
  const id = randomUUID();
  const issuedAt = local(visit.at, 0, day);
  const firstCall = visit.wait === undefined ? null : local(visit.at, visit.wait, day);
  const calledAt = visit.calledAt ?? firstCall;
  // Service starts at the (last) call: a recalled ticket's at the recall, a transferred one's at its last counter.
  const started = visit.status === 'done' || visit.status === 'serving' ? calledAt : null;
  const endedAt =
    visit.status === 'done'
      ? new Date(Date.parse(calledAt!) + visit.serve! * 1000).toISOString()
      : ['no_show', 'cancelled', 'diverted'].includes(visit.status)
        ? local(visit.at, (visit.wait ?? 0) + 120, day)
        : null;
  await db
    .insertInto('tickets')
    .values({
      id,
      branch_id: BRANCH,
      service_id: service(visit.prefix),
      number: visit.number,
      business_day: day,
      tier: visit.tier ?? 'regular',
      status: visit.status,
      customer_ref: null,
      issued_at: issuedAt,
      called_at: calledAt,
      started_at: started,
      ended_at: endedAt,
      counter_id: visit.counterNumber ? counter(visit.counterNumber) : null,
      call_count: firstCall ? 1 : 0,
      diverted_to: visit.status === 'diverted' ? 'atm' : null,
      issued_by: null,
      issue_estimate_seconds: null,
    })
    .execute();
  const event = (type: DomainEventType, at: string, counterNumber: number, teller: number) => ({
    branch_id: BRANCH,
    seq: seq++,
    type,
    at,
    actor_id: tellerIds.get(teller)!,
    ticket_id: id,
    counter_id: counter(counterNumber),
    payload: JSON.stringify({ counter: { id: counter(counterNumber), tellerId: tellerIds.get(teller) } }),
  });
  if (firstCall) {
    // The first call is made at the first counter of the visit: a transferred ticket's first one.
    const first = visit.calls?.find((c) => c.type === 'ticket.transferred');
    const rows = [event('ticket.called', firstCall, first ? 3 : visit.counterNumber!, first ? 4 : visit.teller!)];
    for (const call of visit.calls ?? []) rows.push(event(call.type ?? 'ticket.called', call.at, call.counterNumber, call.teller));
    await db.insertInto('events').values(rows).execute();
  }
  if (visit.score !== undefined) {
    await db
      .insertInto('ratings')
      .values({
        ticket_id: id,
        branch_id: BRANCH,
        business_day: day,
        service_id: service(visit.prefix),
        counter_id: counter(visit.counterNumber!),
        teller_id: tellerIds.get(visit.teller!)!,
        score: visit.score,
        reason: null,
        comment: null,
        source: 'counter',
        at: endedAt!,
      })
      .execute();
  }
}

/** A kiosk's "take me there": a customer sent to a machine before taking a ticket. */
async function kioskDiversion(at: string, prefix: string) {
  await t.app.lobby.db
    .insertInto('events')
    .values({
      branch_id: BRANCH,
      seq: seq++,
      type: 'customer.diverted',
      at,
      actor_id: null,
      ticket_id: null,
      counter_id: null,
      payload: JSON.stringify({ diversion: { serviceId: service(prefix), machineKind: 'atm' } }),
    })
    .execute();
}

async function writeRecords() {
  const db = t.app.lobby.db;
  const managerId = (await db.selectFrom('users').select('id').where('username', '=', 'manager').executeTakeFirstOrThrow()).id;
  const complaint = (category: 'waiting_time' | 'staff_attitude' | 'equipment', receivedAt: string, due: string, repliedAt: string | null) => ({
    id: randomUUID(),
    branch_id: BRANCH,
    received_at: receivedAt,
    channel: 'hall' as const,
    category,
    content: 'a complaint',
    customer_name: null,
    customer_phone: null,
    ticket_id: null,
    ticket_number: null,
    counter_id: null,
    teller_id: null,
    received_by: managerId,
    handler_id: null,
    status: repliedAt ? ('replied' as const) : ('open' as const),
    reply_due_at: due,
    reply: repliedAt ? 'a reply' : null,
    replied_at: repliedAt,
    outcome: null,
    root_cause: null,
    fix: null,
    closed_at: null,
    updated_at: receivedAt,
  });
  await db
    .insertInto('complaints')
    .values([
      // Replied the same afternoon, due Tuesday: in time.
      complaint('waiting_time', local('10:00'), '2026-11-24T15:59:59.999Z', local('15:00')),
      // Replied the day after a deadline of noon: late.
      complaint('waiting_time', local('11:00'), local('12:00'), local('10:00', 0, NEXT_DAY)),
      // Not replied, due after the clock's now (2026-11-23 10:00 in Shanghai): awaiting.
      complaint('staff_attitude', local('14:00'), '2026-11-24T15:59:59.999Z', null),
      // Not replied, due before now: overdue. Received at 23:50 Shanghai (15:50 UTC), still the fixture day.
      complaint('equipment', local('23:50'), local('12:00', 0, NEXT_DAY), null),
      // 00:20 on the next day: not the fixture day's.
      complaint('equipment', local('00:20', 0, NEXT_DAY), '2026-11-25T15:59:59.999Z', null),
    ])
    .execute();
  const referral = (status: 'referred' | 'converted' | 'declined', at: string) => ({
    id: randomUUID(),
    branch_id: BRANCH,
    customer_id: null,
    ticket_id: null,
    ticket_number: null,
    customer_name: null,
    customer_phone: null,
    need: 'a fund',
    product_interest: null,
    urgency: 'today' as const,
    referred_to: managerId,
    referred_by: managerId,
    status,
    note: null,
    created_at: at,
    updated_at: at,
  });
  await db
    .insertInto('referrals')
    .values([referral('referred', local('10:00')), referral('converted', local('11:00')), referral('declined', local('15:00')), referral('referred', local('00:10', 0, NEXT_DAY))])
    .execute();
  const atm = await db.selectFrom('machines').select('id').where('branch_id', '=', BRANCH).executeTakeFirstOrThrow();
  await db.updateTable('machines').set({ in_service: 0, fault_note: 'jammed', fault_at: local('10:00'), fault_by: managerId }).where('id', '=', atm.id).execute();
  await db
    .insertInto('device_faults')
    .values({ id: randomUUID(), branch_id: BRANCH, device_id: 'kiosk', kind: 'paper_out', detail: null, at: local('11:00'), resolved_at: null, resolved_by: null })
    .execute();
  const check = (kind: 'opening' | 'closing', items: unknown[]) => ({
    id: randomUUID(),
    branch_id: BRANCH,
    business_day: DAY,
    kind,
    items: JSON.stringify(items),
    checked_by: managerId,
    checked_at: local(kind === 'opening' ? '08:30' : '17:30'),
  });
  await db
    .insertInto('hall_checks')
    .values([
      // Pens and forms faulty; the ATM's fault is counted with the machines, not here.
      check('opening', [
        { item: 'Ticket machine', ok: true, note: null },
        { item: 'Pens', ok: false, note: 'none left' },
        { item: 'ATM 1', machineId: atm.id, ok: false, note: 'jammed' },
        { item: 'Forms', ok: false, note: null },
      ]),
      check('closing', [{ item: 'Notice board', ok: false, note: 'torn' }]),
    ])
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const users = await t.app.lobby.db.selectFrom('users').select(['id', 'username']).execute();
  for (const u of users) if (u.username.startsWith('teller')) tellerIds.set(Number(u.username.slice(6)), u.id);
  for (const visit of VISITS) await writeVisit(visit);
  await writeVisit(NEXT_DAY_VISIT);
  // The kiosk's diversions: 07:30 (23:30 UTC the day before), 09:10, 10:15 and 23:40 are the fixture day's; 00:10 is the next day's.
  await kioskDiversion(local('07:30'), 'B');
  await kioskDiversion(local('09:10'), 'A');
  await kioskDiversion(local('10:15'), 'B');
  await kioskDiversion(local('23:40'), 'A');
  await kioskDiversion(local('00:10', 0, NEXT_DAY), 'A');
  await writeRecords();
  await t.app.lobby.engine.reload(BRANCH);
});
afterAll(() => t.close());

async function figures(query: string, user = 'manager'): Promise<FiguresReport> {
  const res = await t.app.inject({ method: 'GET', url: `${FIGURES}?${query}`, headers: await t.as(user) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const row = (report: FiguresReport, key: string | null): FiguresRow => {
  const found = report.rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key} in ${report.rows.map((r) => r.key).join(', ')}`);
  return found;
};

describe('GET /api/branches/:branchId/reports/figures: the fixture day in total', () => {
  let total: QueueFigures;
  beforeAll(async () => {
    total = (await figures(`from=${DAY}&to=${DAY}`)).total;
  });

  it('counts the tickets by how they ended, each transferred ticket once, and the kiosk diversions', () => {
    // 16 A + 8 B + 3 V + 6 C (C002 ended in B) + 6 D + 1 E = 40; the next day's A001 is not the fixture day's.
    // Served: A001–A010, A014 (11) + B001–B005, C002 (6) + V001–V003 (3) + C004–C006 (3) + D001–D006 (6) = 29.
    // No-shows A011, B006, E001; cancelled A012, A016, C001; diverted A013, B007; open A015, B008, C003.
    // 29 + 3 + 3 + 2 + 3 = 40. C002 was transferred twice: one ticket. Kiosk: 07:30, 09:10, 10:15, 23:40 = 4.
    expect(total).toMatchObject({ issued: 40, served: 29, noShows: 3, cancelled: 3, divertedByManager: 2, stillOpen: 3, transferred: 1, divertedAtKiosk: 4 });
  });

  it('measures the wait from issue to the first call: mean, median, 90th percentile and maximum', () => {
    // 34 tickets were called (40 less the 6 never called: A012, A013, A015, A016, B007, C001). Sorted waits:
    //  1–10: 0, 50, 60, 60, 60, 100, 120, 120, 180, 200      (sum 950)
    // 11–20: 240, 240, 300, 300, 300, 300, 360, 420, 480, 540 (sum 3480)
    // 21–30: 600 ×5 (A014 to its first call, not its recall; C002 at its first counter), 660, 700, 780, 900, 900 (sum 6940)
    // 31–34: 1000, 1200, 1200, 1500                          (sum 4900)
    // Sum 950 + 3480 + 6940 + 4900 = 16270. Median: ranks 17 and 18, (360 + 420) / 2 = 390.
    // 90th percentile: rank ⌈0.9 × 34⌉ = ⌈30.6⌉ = 31 → 1000. Longest 1500.
    expect(total.wait).toEqual({ called: 34, meanSeconds: 16270 / 34, medianSeconds: 390, p90Seconds: 1000, maxSeconds: 1500 });
  });

  it('measures the service time of served tickets: median and 90th percentile', () => {
    // 29 served. Sorted: 100, 120, 120, 150, 180, 180, 200, 240, 240, 240, 250, 300 ×5 (ranks 12–16), 350, 360, 360,
    // 420, 420, 450, 480, 480, 540, 600 ×3 (ranks 26–28), 900. Median: rank 15 → 300. P90: rank ⌈26.1⌉ = 27 → 600.
    // A014's service runs from its recall (13:22) to its end: 240 s. C002's from its last call: 300 s.
    expect(total.serviceTime).toEqual({ timed: 29, medianSeconds: 300, p90Seconds: 600 });
  });

  it("gives the service level: the share first called within the service's target", () => {
    // A (600): A001–A007, A011, A014 within; A008, A009, A010 not → 9 of 12.
    // B (600): all but B004 (1200); B005 and C002 at exactly 600 count → 7 of 8.
    // V (300): V002 (360) late → 2 of 3. C (900): C006 late → 3 of 4. D (900): D003, D006 late → 4 of 6. E (1200): 1 of 1.
    // 9 + 7 + 2 + 3 + 4 + 1 = 26 of 34.
    expect(total.serviceLevel).toEqual({ called: 34, withinTarget: 26, share: 26 / 34 });
  });

  it('gives the share of priority and VIP tickets and their mean waits', () => {
    // Priority: A004 240, A009 780, C005 300, D002 200 → 4 of 40, mean 1520 / 4 = 380.
    // VIP: B003 60, V001 120, V002 360, V003 60 → 4 of 40, mean 600 / 4 = 150.
    expect(total.priority).toEqual({ tickets: 4, share: 4 / 40, meanWaitSeconds: 380 });
    expect(total.vip).toEqual({ tickets: 4, share: 4 / 40, meanWaitSeconds: 150 });
  });

  it('gives the ratings after service: count, share satisfied (4–5), mean, share of served not rated', () => {
    // Rated: A 9 (5,4,3,5,2,1,4,5,5 = 34), B 5 (5,4,5,3,4 = 21), V 2 (5,4 = 9), C 2 (4,5 = 9), D 5 (5,4,2,4,1 = 16) = 23, sum 89.
    // Satisfied: A 6 + B 4 + V 2 + C 2 + D 3 = 17. Served not rated: A005, A008, B004, V003, C006, D005 = 6 of 29.
    expect(total.ratings).toEqual({ count: 23, satisfied: 17, satisfiedShare: 17 / 23, meanScore: 89 / 23, notRatedShare: 6 / 29 });
  });
});

describe('GET /api/branches/:branchId/reports/figures: breakdowns', () => {
  it('by service: the transferred ticket counts once, in the service it ended in, and the kiosk diversions by the service chosen', async () => {
    const report = await figures(`from=${DAY}&to=${DAY}&by=service`);
    expect(report.rows.map((r) => r.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'V']);
    const b = row(report, service('B'));
    // B001–B008 and C002: 9 issued; served B001–B005, C002; no-show B006; diverted B007; open B008.
    // Waits sorted 0, 60, 240, 300, 300, 600, 600, 1200: sum 3300, median (300 + 300) / 2, P90 rank ⌈7.2⌉ = 8 → 1200.
    expect(b).toMatchObject({ issued: 9, served: 6, noShows: 1, divertedByManager: 1, stillOpen: 1, transferred: 1, divertedAtKiosk: 2 });
    expect(b.wait).toEqual({ called: 8, meanSeconds: 3300 / 8, medianSeconds: 300, p90Seconds: 1200, maxSeconds: 1200 });
    expect(b.serviceLevel).toEqual({ called: 8, withinTarget: 7, share: 7 / 8 });
    // C: C001, C003, C004, C005, C006 (C002 is B's now); nothing transferred.
    expect(row(report, service('C'))).toMatchObject({ issued: 5, transferred: 0, divertedAtKiosk: 0 });
    // Every count of the rows adds up to the total.
    const sum = (pick: (f: QueueFigures) => number) => report.rows.reduce((s, r) => s + pick(r), 0);
    expect([sum((r) => r.issued), sum((r) => r.served), sum((r) => r.wait.called), sum((r) => r.divertedAtKiosk)]).toEqual([40, 29, 34, 4]);
  });

  it('by hour: the hour of issue in the branch time, the early and late tickets on the fixture day', async () => {
    const report = await figures(`from=${DAY}&to=${DAY}&by=hour`);
    // 07:50 (23:50 UTC the day before) and the kiosk's 07:30; 23:30 (15:30 UTC) and the kiosk's 23:40.
    expect(row(report, '07')).toMatchObject({ label: '07:00', issued: 1, served: 1, divertedAtKiosk: 1 });
    expect(row(report, '23')).toMatchObject({ label: '23:00', issued: 1, cancelled: 1, divertedAtKiosk: 1 });
    // 09:00–09:59: A001 A002 A003 A004 A005, B001 B002, C002, D001 D002 D003 D004 = 12; the kiosk's 09:10.
    expect(row(report, '09')).toMatchObject({ issued: 12, divertedAtKiosk: 1 });
    expect(report.rows[0]!.key).toBe('07');
  });

  it('by day: a ticket at 00:30 belongs to the next business day, though it is the same UTC date', async () => {
    const report = await figures(`from=${DAY}&to=${NEXT_DAY}&by=day`);
    expect(report.rows.map((r) => [r.key, r.issued, r.divertedAtKiosk])).toEqual([
      [DAY, 40, 4],
      [NEXT_DAY, 1, 1],
    ]);
    expect(report.total).toMatchObject({ issued: 41, divertedAtKiosk: 5 });
  });

  it('by counter and by teller: tickets never called have no counter and no teller (key null, last)', async () => {
    const byCounter = await figures(`from=${DAY}&to=${DAY}&by=counter`);
    expect(byCounter.rows.map((r) => r.label)).toEqual(['1', '2', '3', '4', '5', '6', null]);
    // Counter 3: only C003 ends there (C002 moved on). No counter: the 6 never called, and the kiosk's 4.
    expect(row(byCounter, counter(3))).toMatchObject({ issued: 1, stillOpen: 1 });
    expect(row(byCounter, null)).toMatchObject({ issued: 6, divertedAtKiosk: 4, wait: { called: 0, meanSeconds: null, medianSeconds: null } });
    const byTeller = await figures(`from=${DAY}&to=${DAY}&by=teller`);
    // Teller 2 called C002 last: B001–B006, B008 and C002 = 8.
    expect(row(byTeller, tellerIds.get(2)!)).toMatchObject({ label: 'Teller 2', issued: 8, transferred: 1 });
  });
});

describe('GET /api/branches/:branchId/reports/figures: a teller', () => {
  // Teller 1's tickets (called last by them): A001–A011, A014 = 12. Served 11, no-show A011.
  // Waits sorted 60, 120, 180, 240, 300, 420, 480, 540, 600, 660, 780, 900: sum 5280, mean 440,
  // median (420 + 480) / 2 = 450, P90 rank ⌈10.8⌉ = 11 → 780. Within 600: 9 of 12.
  // Service sorted 120, 120, 180, 180, 240, 240, 240, 300, 300, 360, 360: median rank 6 → 240, P90 rank ⌈9.9⌉ = 10 → 360.
  // Priority A004 240, A009 780: 2 of 12, mean 510. Rated 9 (sum 34), satisfied 6; served not rated A005, A008: 2 of 11.
  const tellerOne: QueueFigures = {
    issued: 12,
    served: 11,
    noShows: 1,
    cancelled: 0,
    stillOpen: 0,
    divertedAtKiosk: 0,
    divertedByManager: 0,
    transferred: 0,
    wait: { called: 12, meanSeconds: 440, medianSeconds: 450, p90Seconds: 780, maxSeconds: 900 },
    serviceTime: { timed: 11, medianSeconds: 240, p90Seconds: 360 },
    serviceLevel: { called: 12, withinTarget: 9, share: 9 / 12 },
    priority: { tickets: 2, share: 2 / 12, meanWaitSeconds: 510 },
    vip: { tickets: 0, share: 0, meanWaitSeconds: null },
    ratings: { count: 9, satisfied: 6, satisfiedShare: 6 / 9, meanScore: 34 / 9, notRatedShare: 2 / 11 },
  };

  it('sees the figures of the tickets they called, and the manager sees the same row for them', async () => {
    const own = await figures(`from=${DAY}&to=${DAY}&by=teller`, 'teller1');
    expect(own.tellerId).toBe(tellerIds.get(1));
    expect(own.total).toEqual(tellerOne);
    expect(own.rows).toEqual([{ key: tellerIds.get(1), label: 'Teller 1', ...tellerOne }]);
    const managers = await figures(`from=${DAY}&to=${DAY}&by=teller`);
    const { key, label, ...figuresOfTellerOne } = row(managers, tellerIds.get(1)!);
    expect([key, label, figuresOfTellerOne]).toEqual([tellerIds.get(1), 'Teller 1', tellerOne]);
  });

  it("is refused another teller's figures and the records", async () => {
    const headers = await t.as('teller1');
    const other = await t.app.inject({ method: 'GET', url: `${FIGURES}?from=${DAY}&to=${DAY}&tellerId=${tellerIds.get(2)}`, headers });
    expect(other.statusCode).toBe(403);
    const records = await t.app.inject({ method: 'GET', url: `${RECORDS}?from=${DAY}&to=${DAY}`, headers });
    expect(records.statusCode).toBe(403);
  });

  it('refuses account managers, devices and strangers', async () => {
    for (const headers of [await t.as('wealth1'), t.kiosk, t.display]) {
      const res = await t.app.inject({ method: 'GET', url: `${FIGURES}?from=${DAY}&to=${DAY}`, headers });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `${FIGURES}?from=${DAY}&to=${DAY}` })).statusCode).toBe(401);
  });
});

describe('GET /api/branches/:branchId/reports/figures: edge cases and bad input', () => {
  it('gives zeros and no measures for an empty day', async () => {
    const report = await figures('from=2026-11-18&to=2026-11-18&by=hour');
    expect(report.rows).toEqual([]);
    expect(report.total).toEqual({
      issued: 0,
      served: 0,
      noShows: 0,
      cancelled: 0,
      stillOpen: 0,
      divertedAtKiosk: 0,
      divertedByManager: 0,
      transferred: 0,
      wait: { called: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null, maxSeconds: null },
      serviceTime: { timed: 0, medianSeconds: null, p90Seconds: null },
      serviceLevel: { called: 0, withinTarget: 0, share: null },
      priority: { tickets: 0, share: null, meanWaitSeconds: null },
      vip: { tickets: 0, share: null, meanWaitSeconds: null },
      ratings: { count: 0, satisfied: 0, satisfiedShare: null, meanScore: null, notRatedShare: null },
    });
  });

  it.each([
    ['from after to', `from=${NEXT_DAY}&to=${DAY}`, 'querystring/from'],
    ['a range over 366 days', 'from=2025-01-01&to=2026-01-02', 'querystring/to'],
    ['an unknown breakdown', `from=${DAY}&to=${DAY}&by=week`, 'querystring/by'],
    ['a day that is not a date', 'from=2026-02-30&to=2026-03-01', 'querystring/from'],
  ])('answers 400 naming the field for %s, and changes nothing', async (_, query, field) => {
    const before = await t.app.lobby.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await t.app.inject({ method: 'GET', url: `${FIGURES}?${query}`, headers: await t.as('manager') });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(field);
    const after = await t.app.lobby.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('GET /api/branches/:branchId/reports/records', () => {
  it("counts the fixture day's complaints by category and reply, referrals by outcome and equipment faults", async () => {
    const res = await t.app.inject({ method: 'GET', url: `${RECORDS}?from=${DAY}&to=${DAY}`, headers: await t.as('manager') });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    // Waiting time: one replied in time, one late. Staff attitude: awaiting (due tomorrow). Equipment: the 23:50 one,
    // overdue (due noon 2026-11-21); the 00:20 one is the next day's.
    const category = (name: string) => report.complaints.byCategory.find((c: { category: string }) => c.category === name);
    expect(category('waiting_time')).toEqual({ category: 'waiting_time', received: 2, repliedInTime: 1, repliedLate: 1, awaitingReply: 0, overdue: 0 });
    expect(category('staff_attitude')).toMatchObject({ received: 1, awaitingReply: 1 });
    expect(category('equipment')).toMatchObject({ received: 1, overdue: 1 });
    expect(report.complaints).toMatchObject({ received: 4, repliedInTime: 1, repliedLate: 1, awaitingReply: 1, overdue: 1 });
    // Three referrals that day (the 00:10 one is the next day's).
    expect(report.referrals).toEqual({
      made: 3,
      byOutcome: [
        { status: 'referred', referrals: 1 },
        { status: 'contacted', referrals: 0 },
        { status: 'converted', referrals: 1 },
        { status: 'declined', referrals: 1 },
      ],
    });
    // The ATM found jammed; the kiosk's paper out; pens, forms and the notice board (the ATM's check item is the machine's).
    expect(report.faults).toEqual({ machines: 1, devices: 1, checkItems: 3 });
  });
});

describe("counters' pauses in the records' figures", () => {
  it('counts each pause by its reason and lasts it until the counter opens or closes (or now, while still paused)', async () => {
    const app = await createTestApp();
    try {
      const teller = await app.as('teller1');
      const act = async (url: string, payload?: object) => {
        const res = await app.app.inject({ method: 'POST', url, headers: teller, ...(payload ? { payload } : {}) });
        expect(res.statusCode, res.body).toBeLessThan(300);
      };
      const minutes = (n: number) => app.clock.advance(n * 60_000);
      await act(`/api/counters/${counter(1)}/open`);
      minutes(10);
      await act(`/api/counters/${counter(1)}/pause`, { reason: 'lunch' });
      minutes(30); // lunch: 30 min, ended by reopening
      await act(`/api/counters/${counter(1)}/open`);
      minutes(5);
      await act(`/api/counters/${counter(1)}/pause`, { reason: 'training' });
      minutes(12); // training: 12 min, ended by closing
      await act(`/api/counters/${counter(1)}/close`);
      minutes(1);
      await act(`/api/counters/${counter(1)}/open`);
      await act(`/api/counters/${counter(1)}/pause`, { reason: 'back_office' });
      minutes(8); // back office: 8 min, ended by reopening
      await act(`/api/counters/${counter(1)}/open`);
      await act(`/api/counters/${counter(1)}/pause`); // no reason given: other, still paused
      minutes(3);

      const day = app.clock.now().toISOString().slice(0, 10);
      const res = await app.app.inject({ method: 'GET', url: `${RECORDS}?from=${day}&to=${day}`, headers: await app.as('manager') });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().pauses).toEqual({
        pauses: 4,
        seconds: (30 + 12 + 8 + 3) * 60,
        byReason: [
          { reason: 'lunch', pauses: 1, seconds: 30 * 60 },
          { reason: 'training', pauses: 1, seconds: 12 * 60 },
          { reason: 'back_office', pauses: 1, seconds: 8 * 60 },
          { reason: 'other', pauses: 1, seconds: 3 * 60 },
        ],
      });
    } finally {
      await app.close();
    }
  });
});
