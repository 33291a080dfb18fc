/**
 * Who may call what: every route the app registers, called as every kind of caller, gives exactly
 * the callers of its row in WHO_MAY past authorisation, and a refused call changes nothing.
 *
 * A caller gets past authorisation when the answer is neither 401, 403 nor 404 (the server hides
 * another branch's tickets and the devices' missing user profile as 404). The requests are well
 * formed (helpers/route-examples.ts), so a 400 cannot stand in for a refusal; a 409 (a counter
 * already open, say) comes from the queue rules, which run after the check. Each refusal leaves
 * every table as it was. The callers are described in helpers/staffed-hall.ts.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleUrl, routeExamples, type RouteExample } from '../helpers/route-examples.js';
import { recordWhoMay } from '../helpers/record-routes.js';
import { ACTORS, ACTOR_DESCRIPTIONS, routeKey, staffedHall, type ActorName, type StaffedHall } from '../helpers/staffed-hall.js';
import { ADMIN, ANY_STAFF, COUNTER_HOLDER, DEMO_HALL, DEMO_STAFF, EVERYONE, ISSUERS, MANAGERS } from '../helpers/who-may.js';
import { tableDigest } from '../helpers/table-digest.js';
import type { TestApp } from '../helpers/test-app.js';

// ── who may: one row per route ─────────────────────────────────────────

const WHO_MAY: Record<string, readonly ActorName[]> = {
  'GET /docs': EVERYONE,
  'GET /docs/static/index.html': EVERYONE,
  'GET /docs/static/swagger-initializer.js': EVERYONE,
  'GET /docs/static/*': EVERYONE,
  'GET /docs/json': EVERYONE,
  'GET /docs/yaml': EVERYONE,
  'GET /api/health': EVERYONE,
  'GET /api/health/ready': EVERYONE,
  'GET /api/public/tickets/:ticketId': EVERYONE,
  // The customer's phone: the ticket's random id is the key (routes/public-ticket.ts).
  'GET /api/public/tickets/:ticketId/live': EVERYONE,
  'POST /api/public/tickets/:ticketId/on-my-way': EVERYONE,
  'POST /api/public/tickets/:ticketId/cancel': EVERYONE,
  'GET /api/public/branches/:branchId': EVERYONE,

  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': ANY_STAFF,

  'GET /api/branches/:branchId/services': DEMO_HALL,
  'GET /api/branches/:branchId/counters': DEMO_HALL,
  'GET /api/branches/:branchId/machines': DEMO_HALL,
  'GET /api/branches/:branchId/snapshot': DEMO_HALL,
  'GET /api/branches/:branchId/live': DEMO_HALL,
  'GET /api/branches/:branchId/notices': DEMO_HALL,
  'PUT /api/branches/:branchId/notices': MANAGERS,
  'POST /api/branches/:branchId/tickets': ISSUERS,
  'POST /api/branches/:branchId/diversions': ISSUERS,
  'GET /api/branches/:branchId/devices/:deviceId/tickets': MANAGERS,
  'POST /api/branches/:branchId/devices/:deviceId/cancel-tickets': MANAGERS,

  'POST /api/counters/:counterId/open': DEMO_STAFF,
  'POST /api/counters/:counterId/pause': COUNTER_HOLDER,
  'POST /api/counters/:counterId/close': COUNTER_HOLDER,
  'POST /api/counters/:counterId/call-next': COUNTER_HOLDER,
  'POST /api/counters/:counterId/call-ticket': COUNTER_HOLDER,
  'POST /api/counters/:counterId/complete-and-call-next': COUNTER_HOLDER,

  'GET /api/tickets/:ticketId': DEMO_HALL,
  'POST /api/tickets/:ticketId/recall': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/start': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/complete': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/no-show': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/undo-no-show': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/cancel': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/transfer': COUNTER_HOLDER,
  'POST /api/tickets/:ticketId/divert': MANAGERS,
  'POST /api/tickets/:ticketId/tier': MANAGERS,
  'POST /api/tickets/:ticketId/undo': MANAGERS,
  // Tellers whose counter serves the ticket's service (both demo tellers' counters serve A).
  'POST /api/tickets/:ticketId/requeue': DEMO_STAFF,

  'GET /api/tools/erlang-c': ANY_STAFF,
  'GET /api/tools/staffing': ANY_STAFF,
  'POST /api/branches/:branchId/what-if': MANAGERS,
  'GET /api/branches/:branchId/reports/estimate-accuracy': MANAGERS,
  'GET /api/branches/:branchId/reports/arrivals-by-hour': MANAGERS,
  // A teller reads the figures of their own tickets; the records' figures are the managers'.
  'GET /api/branches/:branchId/reports/figures': DEMO_STAFF,
  'GET /api/branches/:branchId/reports/records': MANAGERS,
  'GET /api/branches/:branchId/monthly-reports': MANAGERS,
  'GET /api/branches/:branchId/monthly-reports/:month': MANAGERS,
  'PUT /api/branches/:branchId/monthly-reports/:month': MANAGERS,
  'POST /api/branches/:branchId/monthly-reports/:month/submit': MANAGERS,

  'GET /api/branches/:branchId/admin/services': MANAGERS,
  'POST /api/branches/:branchId/admin/services': MANAGERS,
  'PATCH /api/branches/:branchId/admin/services/:serviceId': MANAGERS,
  'GET /api/branches/:branchId/admin/counters': MANAGERS,
  'POST /api/branches/:branchId/admin/counters': MANAGERS,
  'PATCH /api/branches/:branchId/admin/counters/:counterId': MANAGERS,
  'DELETE /api/branches/:branchId/admin/counters/:counterId': MANAGERS,
  'GET /api/branches/:branchId/admin/machines': MANAGERS,
  'POST /api/branches/:branchId/admin/machines': MANAGERS,
  'PATCH /api/branches/:branchId/admin/machines/:machineId': MANAGERS,
  'DELETE /api/branches/:branchId/admin/machines/:machineId': MANAGERS,
  'GET /api/branches/:branchId/admin/users': MANAGERS,
  'POST /api/branches/:branchId/admin/users': MANAGERS,
  'PATCH /api/branches/:branchId/admin/users/:userId': MANAGERS,
  'POST /api/branches/:branchId/admin/users/:userId/password': MANAGERS,
  'GET /api/branches/:branchId/admin/login-locks': ADMIN,
  'POST /api/branches/:branchId/admin/users/:userId/unlock': ADMIN,
  'GET /api/branches/:branchId/admin/device-tokens': MANAGERS,
  'POST /api/branches/:branchId/admin/device-tokens': MANAGERS,
  'POST /api/branches/:branchId/admin/device-tokens/:tokenId/revoke': MANAGERS,
  'GET /api/branches/:branchId/admin/branch': MANAGERS,
  'PATCH /api/branches/:branchId/admin/branch': MANAGERS,
  'GET /api/branches/:branchId/admin/calendar': MANAGERS,
  'PUT /api/branches/:branchId/admin/calendar': MANAGERS,
  'GET /api/admin/branches': ADMIN,
  'POST /api/admin/branches': ADMIN,

  // The lobby manager's records: one module each in helpers/record-routes/.
  ...recordWhoMay(),
};

// ── calling a route as someone ─────────────────────────────────────────

type Verdict = 'allowed' | 'refused' | 'failed';

const verdictOf = (status: number): Verdict => (status >= 500 ? 'failed' : [401, 403, 404].includes(status) ? 'refused' : 'allowed');

let hall: StaffedHall;
let examples: Record<string, RouteExample>;
let apps: HallApps;
beforeAll(async () => {
  hall = await staffedHall();
  examples = routeExamples(hall.ids);
  apps = hallApps();
});
afterAll(() => apps.discard());

/**
 * The app the calls go to: a copy of the hall, marked changed once a call changed its database and
 * then replaced on request. Opening a copy costs far more than a call, so a copy serves until then.
 */
function hallApps() {
  let current: TestApp | undefined;
  let base: string | undefined;
  return {
    changed: false,
    async app(): Promise<TestApp> {
      current ??= await hall.open();
      return current;
    },
    /** The app's address for a real WebSocket, listening on first use. */
    async socketBase(): Promise<string> {
      const t = await this.app();
      base ??= (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
      return base;
    },
    /** Closes a copy that was changed: the next call gets the hall as it was set up. */
    async renew() {
      if (this.changed) await this.discard();
    },
    async discard() {
      await current?.close();
      current = undefined;
      base = undefined;
      this.changed = false;
    },
  };
}
type HallApps = ReturnType<typeof hallApps>;

/** Opens the live socket as `actor`: the status of a refused upgrade, or 101 once a snapshot arrived. */
async function openSocket(url: string, actor: ActorName): Promise<number> {
  const socket = new WebSocket(`${await apps.socketBase()}${url}`, { headers: hall.headers[actor] });
  try {
    return await new Promise<number>((resolve, reject) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('message', (raw) => {
        const type = (JSON.parse(String(raw)) as { type: string }).type;
        // A branch's live socket opens with its snapshot; a ticket's (public-ticket.ts) with the ticket.
        if (type === 'snapshot' || type === 'ticket') resolve(101);
        else reject(new Error(`the live socket sent ${type} before a snapshot`));
      });
      socket.on('close', (code) => reject(new Error(`the live socket closed with ${code} before a snapshot`)));
      socket.on('error', reject);
    });
  } finally {
    socket.terminate();
  }
}

/** Calls the route's example as `actor`; a refusal must leave every table as it was. */
async function call(method: string, url: string, websocket: boolean, actor: ActorName) {
  const t = await apps.app();
  const before = await tableDigest(t.app.lobby.db);
  const example = examples[`${method === 'HEAD' ? 'GET' : method} ${url}`]!;
  const path = exampleUrl(url, example);
  const status =
    websocket && method === 'GET'
      ? await openSocket(path, actor)
      : (await t.app.inject({ method: method as 'GET', url: path, headers: hall.headers[actor], payload: example.body as object })).statusCode;
  const after = await tableDigest(t.app.lobby.db);
  const verdict = verdictOf(status);
  if (verdict === 'failed') throw new Error(`${method} ${url} failed for ${actor}: ${status}`);
  if (verdict === 'refused') expect(after, `${method} ${url} refused ${actor} (${status}) but changed the database`).toEqual(before);
  if (JSON.stringify(after) !== JSON.stringify(before)) apps.changed = true;
  return `${verdict} ${status}`;
}

/**
 * Who of ACTORS `method url` lets in. Those who should be refused go first, on the hall as it was
 * set up; then those who should get in, one after the other. Someone refused after another's call
 * changed the hall (a deleted counter is a 404 for the next) is asked again on a fresh copy.
 */
async function admittedBy(method: string, url: string, websocket: boolean, whoMay: readonly ActorName[]) {
  await apps.renew();
  const answers = new Map<ActorName, string>();
  const refusedFirst = [...ACTORS].sort((a, b) => Number(whoMay.includes(a)) - Number(whoMay.includes(b)));
  for (const actor of refusedFirst) {
    let answer = await call(method, url, websocket, actor);
    if (answer.startsWith('refused') && apps.changed) {
      await apps.renew();
      answer = await call(method, url, websocket, actor);
    }
    answers.set(actor, answer);
  }
  await apps.renew();
  return {
    admitted: ACTORS.filter((actor) => answers.get(actor)!.startsWith('allowed')),
    answers: Object.fromEntries(ACTORS.map((actor) => [`${actor} (${ACTOR_DESCRIPTIONS[actor]})`, answers.get(actor)])),
  };
}

// ── the tests ──────────────────────────────────────────────────────────

describe('authorisation matrix', () => {
  it('has one row for every route the app registers, and none for a route it does not', () => {
    const registered = hall.routes.filter((r) => r.method !== 'HEAD').map(routeKey);
    const rows = Object.keys(WHO_MAY);
    expect(registered.filter((key) => !rows.includes(key)), 'routes without a row in WHO_MAY: say who may call them').toEqual([]);
    expect(rows.filter((key) => !registered.includes(key)), 'rows of WHO_MAY for routes the app no longer registers').toEqual([]);
    expect(registered.filter((key) => !examples[key]), 'routes without an example request in helpers/route-examples.ts').toEqual([]);
  });

  it.each(Object.entries(WHO_MAY))('%s lets in exactly its row', async (key, whoMay) => {
    const route = hall.routes.find((r) => routeKey(r) === key);
    if (!route) return; // reported by the test above
    // The HEAD twin of a GET answers as the GET does; a live socket cannot be opened by HEAD.
    const head = route.method === 'GET' && hall.routes.find((r) => r.method === 'HEAD' && r.url === route.url);
    const calls = [{ method: route.method, whoMay }, ...(head ? [{ method: 'HEAD', whoMay: route.websocket ? [] : whoMay }] : [])];
    for (const { method, whoMay: expected } of calls) {
      const { admitted, answers } = await admittedBy(method, route.url, route.websocket, expected);
      expect(admitted, `${method} ${route.url} answered: ${JSON.stringify(answers, null, 2)}`).toEqual(ACTORS.filter((a) => expected.includes(a)));
    }
  });
});
