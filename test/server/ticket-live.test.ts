/** The phone's live channel of one ticket: its view at once, an update on every change that moves it, nothing of anyone else. */
import { performance } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/schemas.js';
import { SOCKETS_PER_TICKET, TICKET_LIVE_CLOSE, TICKET_SOCKETS_PER_ADDRESS, type TicketLiveUpdate } from '../../protocol/ticket-live.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { connect, eventually, type Collector } from '../helpers/ws.js';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await createTestApp();
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(() => t.close());

const post = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers });
const issue = async (prefix = 'A'): Promise<Ticket> =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service(prefix) } })).json();
async function openCounter(n: number) {
  const teller = await t.as(`teller${n}`);
  expect((await post(`/api/counters/${counter(n)}/open`, teller)).statusCode).toBe(200);
  return teller;
}
const watch = (ticketId: string) => connect(`${base}/api/public/tickets/${encodeURIComponent(ticketId)}/live`);
const updates = (live: Collector) => (live.messages as unknown as TicketLiveUpdate[]).filter((m) => m.type === 'ticket').map((m) => m.ticket);
const closeCode = (live: Collector) => new Promise<number>((resolve) => live.socket.on('close', (code) => resolve(code)));

describe('the ticket live channel', () => {
  it('sends the ticket as the phone shows it at connect: position, estimate, service, branch clock', async () => {
    await issue();
    const mine = await issue();
    const live = watch(mine.id);
    const [first] = (await live.waitFor(1)) as unknown as TicketLiveUpdate[];
    expect(first.type).toBe('ticket');
    expect(first.ticket.ticket).toMatchObject({ id: mine.id, number: 'A002', status: 'waiting', position: 1 });
    expect(first.ticket.ticket.estimatedWaitSeconds).toBeGreaterThan(0);
    expect(first.ticket.service.id).toBe(service('A'));
    expect(first.ticket.timeZone).toBe('Asia/Shanghai');
    live.close();
  });

  it('updates the position within 1 s of a teller calling an earlier ticket, then says where to go when called', async () => {
    const first = await issue();
    const mine = await issue();
    const teller = await openCounter(1);
    const live = watch(mine.id);
    await live.waitFor(1);
    const started = performance.now();
    expect((await post(`/api/counters/${counter(1)}/call-next`, teller)).statusCode).toBe(200);
    await eventually(() => updates(live).some((v) => v.ticket.position === 0), 1000, 'the moved position');
    expect(performance.now() - started).toBeLessThan(1000);

    await post(`/api/tickets/${first.id}/start`, teller);
    await post(`/api/tickets/${first.id}/complete`, teller);
    const calledAt = performance.now();
    expect((await post(`/api/counters/${counter(1)}/call-next`, teller)).json().id).toBe(mine.id);
    await eventually(() => updates(live).some((v) => v.ticket.status === 'called'), 1000, 'the call');
    expect(performance.now() - calledAt).toBeLessThan(1000);
    const called = updates(live).find((v) => v.ticket.status === 'called')!;
    expect(called.counterNumber).toBe(1);
    expect(called.ticket.counterId).toBe(counter(1));
    live.close();
  });

  it('carries nothing of other customers in any message', async () => {
    const others = [await issue(), await issue('B')];
    const mine = await issue();
    const teller = await openCounter(1);
    const live = watch(mine.id);
    await live.waitFor(1);
    await post(`/api/counters/${counter(1)}/call-next`, teller);
    await issue();
    await eventually(() => updates(live).some((v) => v.ticket.position === 0), 2000, 'an update');
    for (const raw of live.messages) {
      const text = JSON.stringify(raw);
      for (const other of others) {
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.number);
      }
      const allowed = ['branchName', 'counterNumber', 'opening', 'service', 'ticket', 'timeZone'];
      expect(Object.keys((raw as unknown as TicketLiveUpdate).ticket).filter((key) => !allowed.includes(key))).toEqual([]);
    }
    live.close();
  });

  it('sends nothing when a change does not move the ticket', async () => {
    await issue('A');
    await issue('A');
    const mine = await issue('A');
    const tellerA = await openCounter(1);
    const live = watch(mine.id);
    await live.waitFor(1);
    // Counter 5 serves C and E only: its opening and calls leave an A ticket where it was.
    const tellerE = await openCounter(5);
    await issue('E');
    await post(`/api/counters/${counter(5)}/call-next`, tellerE);
    await issue('A'); // behind mine
    // Then a change that does move it: the updates are in order, so nothing came in between.
    await post(`/api/counters/${counter(1)}/call-next`, tellerA);
    await eventually(() => updates(live).length >= 2, 2000, 'the second update');
    expect(updates(live).map((v) => v.ticket.position)).toEqual([2, 1]);
    live.close();
  });

  it("carries the service's opening while no counter serves it, and drops it live once one opens", async () => {
    const mine = await issue('D');
    const live = watch(mine.id);
    const [first] = (await live.waitFor(1)) as unknown as TicketLiveUpdate[];
    expect(first.ticket.opening).toMatchObject({ opening: 'no_counter' });
    await openCounter(1); // serves A, B and D
    await eventually(() => updates(live).length >= 2, 2000, 'the update after the counter opened');
    expect(updates(live).at(-1)!.opening).toBeUndefined();
    expect(updates(live).at(-1)!.ticket.estimatedWaitSeconds).toBeGreaterThanOrEqual(0);
    live.close();
  });

  it('sends the last state of a ticket that ends, then closes with FINISHED', async () => {
    const mine = await issue();
    const live = watch(mine.id);
    await live.waitFor(1);
    const closed = closeCode(live);
    expect((await post(`/api/tickets/${mine.id}/cancel`, await t.as('manager'))).statusCode).toBe(200);
    expect(await closed).toBe(TICKET_LIVE_CLOSE.FINISHED);
    expect(updates(live).at(-1)!.ticket.status).toBe('cancelled');
  });

  it('closes at once for a finished ticket (after its last state) and for an unknown one', async () => {
    const mine = await issue();
    await post(`/api/tickets/${mine.id}/cancel`, await t.as('manager'));
    const finished = watch(mine.id);
    expect(await closeCode(finished)).toBe(TICKET_LIVE_CLOSE.FINISHED);
    expect(updates(finished).map((v) => v.ticket.status)).toEqual(['cancelled']);
    const unknown = watch('no-such-ticket');
    expect(await closeCode(unknown)).toBe(TICKET_LIVE_CLOSE.NOT_FOUND);
    expect(unknown.messages).toEqual([]);
  });

  it(`lets ${SOCKETS_PER_TICKET} sockets watch one ticket, and closes the next with TOO_MANY`, async () => {
    const mine = await issue();
    const open = Array.from({ length: SOCKETS_PER_TICKET }, () => watch(mine.id));
    await Promise.all(open.map((live) => live.waitFor(1)));
    const extra = watch(mine.id);
    expect(await closeCode(extra)).toBe(TICKET_LIVE_CLOSE.TOO_MANY);
    open[0].close();
    await eventually(() => open[0].socket.readyState === open[0].socket.CLOSED, 2000);
    // A slot freed: a reloaded page gets in again.
    const again = watch(mine.id);
    await eventually(() => again.messages.length === 1, 2000, 'the reloaded page to be served');
    for (const live of [...open, again]) live.close();
  });

  it(`lets one address watch at most ${TICKET_SOCKETS_PER_ADDRESS} tickets at once`, async () => {
    const manager = await t.as('manager');
    const tickets: Ticket[] = [];
    for (let i = 0; i <= TICKET_SOCKETS_PER_ADDRESS; i++) {
      tickets.push((await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: manager, payload: { serviceId: service('B') } })).json());
    }
    const open = tickets.slice(0, TICKET_SOCKETS_PER_ADDRESS).map((x) => watch(x.id));
    await Promise.all(open.map((live) => live.waitFor(1)));
    const extra = watch(tickets[TICKET_SOCKETS_PER_ADDRESS].id);
    expect(await closeCode(extra)).toBe(TICKET_LIVE_CLOSE.TOO_MANY);
    for (const live of open) live.close();
  });

  it('answers ping with pong and anything else with an error, keeping the socket', async () => {
    const mine = await issue();
    const live = watch(mine.id);
    await live.waitFor(1);
    live.socket.send('nonsense');
    live.socket.send(JSON.stringify({ type: 'ping' }));
    const [, error, pong] = await live.waitFor(3);
    expect(error).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    expect(pong).toEqual({ type: 'pong' });
    live.close();
  });
});
