/**
 * No personal data on the hall's shared screens: while a registered VIP customer's ticket waits
 * and is called, the kiosk, the wall display and the teller receive (on their live sockets and from
 * every route they may call about it) neither the customer's name, phone, number, its hint, its
 * hash, nor their id on the resource sheet.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_ROUTES, fillPath } from '../../../protocol/admin-schemas.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from '../../helpers/test-app.js';
import { connect, eventually, type Collector } from '../../helpers/ws.js';

let t: TestApp;
let base: string;
beforeEach(async () => {
  t = await createTestApp({ realTime: true });
  base = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
});
afterEach(() => t.close());

const CUSTOMER = { name: 'Chan Tai Man 陳大文', number: '6222 0202 0001 9713', phone: '+852 9123 4567', tier: 'vip', needs: 'Time deposits' };
const CARD_SWIPE = ';6222020200019713=25121010000000000000?';

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

describe('a registered VIP customer in the hall', () => {
  it('reaches no kiosk, display or teller: not on their sockets, not in the routes they may call', async () => {
    const manager = await t.as('manager');
    const teller = await t.as('teller1');
    const settings = await t.app.inject({ method: 'PATCH', url: fillPath(ADMIN_ROUTES.branch, { branchId: BRANCH }), headers: manager, payload: { settings: { vipRecognition: 'registry' } } });
    expect(settings.statusCode, settings.body).toBe(200);
    const added = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/customers`, headers: manager, payload: CUSTOMER });
    expect(added.statusCode, added.body).toBe(201);
    const customer = added.json();
    const live = (token: string): Collector => connect(`${base}/api/branches/${BRANCH}/live?token=${token}`);
    const sockets = { kiosk: live('demo-kiosk'), display: live('demo-display'), teller: live(teller.authorization.replace('Bearer ', '')) };
    await Promise.all(Object.values(sockets).map((s) => s.waitFor(1)));

    const issued = await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A'), tier: 'vip', customerRef: CARD_SWIPE } });
    expect(issued.statusCode, issued.body).toBe(201);
    const ticket = issued.json();
    const row = await t.app.lobby.db.selectFrom('tickets').select(['customer_id', 'customer_ref']).where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.customer_id).toBe(customer.id);
    const hash = row.customer_ref!;

    // Waiting: what each may read about it.
    const received: unknown[] = [issued.json()];
    const get = async (url: string, headers: Record<string, string>) => {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      received.push(res.json());
    };
    for (const headers of [t.kiosk, t.display, teller]) await get(`/api/branches/${BRANCH}/snapshot`, headers);
    await get(`/api/tickets/${ticket.id}`, teller);
    await get(`/api/public/tickets/${ticket.id}`, {});

    // Called to counter 1 and served.
    for (const action of ['open', 'call-next']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/counters/${counter(1)}/${action}`, headers: teller });
      expect(res.statusCode, res.body).toBe(200);
      received.push(res.json());
    }
    await eventually(() => Object.values(sockets).every((s) => s.messages.some((m) => m.type === 'ticket.called')), 5000, 'the call on every socket');
    for (const headers of [t.kiosk, t.display, teller]) await get(`/api/branches/${BRANCH}/snapshot`, headers);
    await get(`/api/tickets/${ticket.id}`, teller);
    await get(`/api/public/tickets/${ticket.id}`, {});
    for (const socket of Object.values(sockets)) {
      received.push(socket.messages);
      socket.close();
    }

    const everything = strings(received);
    expect(everything).toContain(ticket.number); // the test saw the ticket itself
    const joined = everything.join('\n');
    for (const secret of ['Chan Tai Man', '陳大文', '9123 4567', '91234567', '6222020200019713', '6222 0202 0001 9713', hash, customer.id, 'Time deposits']) {
      expect(joined, secret).not.toContain(secret);
    }
    expect(everything).not.toContain('9713'); // the hint, as a value of its own
    expect(joined).not.toMatch(/customerId|customerRef|numberHint|customer_id/);
  });
});
