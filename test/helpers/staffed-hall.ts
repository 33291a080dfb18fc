/**
 * The demo branch mid-morning beside a second branch, for tests that call every route as every kind
 * of caller: teller 1 at counter 1 with a called ticket, teller 2 at counter 2, a waiting ticket,
 * the kiosks, displays and managers of both branches, and the admin. It also lists every route the
 * app registers. Built once per worker into a database image; each `open()` runs an app on its own copy.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifySchema, RouteOptions } from 'fastify';
import { RECORD_ROUTES } from './record-routes.js';
import { BRANCH, counter, createTestApp, service, type TestApp } from './test-app.js';

export { ACTORS, ACTOR_DESCRIPTIONS, type ActorName } from './actors.js';
import type { ActorName } from './actors.js';

export const OTHER_BRANCH = 'east';

/** The things the routes act on, all in the demo branch. */
export interface HallIds {
  branchId: string;
  /** Counter 1: open, staffed by teller 1, the called ticket at it. */
  counterId: string;
  /** Counter 6: never opened, so it may be deleted. */
  unusedCounterId: string;
  /** Called to counter 1. */
  calledTicketId: string;
  /** Waiting for service A. */
  waitingTicketId: string;
  serviceId: string;
  /** Another service counter 1 serves: where a transfer sends the called ticket. */
  transferServiceId: string;
  machineId: string;
  /** Teller 3: signed in nowhere, staffs nothing. */
  userId: string;
  /** A spare wall display's token, which nobody uses. */
  deviceTokenId: string;
  /** The demo kiosk's device token, which issued both tickets. */
  kioskDeviceId: string;
  /** What each record's set-up created (helpers/record-routes.ts), by name: complaintId, customerId… */
  records: Record<string, string>;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  schema?: FastifySchema;
  websocket: boolean;
}

export interface StaffedHall {
  ids: HallIds;
  /** Each caller's token (none for anonymous). */
  tokens: Record<ActorName, string | undefined>;
  /** Each caller's request headers. */
  headers: Record<ActorName, Record<string, string>>;
  /** Every route the app registers, HEAD twins of GET routes included. */
  routes: RegisteredRoute[];
  /** An app on a fresh copy of the hall; its `close()` removes the copy. */
  open(): Promise<TestApp>;
}

/** `METHOD url`, as route rows and examples are keyed. */
export const routeKey = (route: { method: string; url: string }) => `${route.method} ${route.url}`;

let hall: Promise<StaffedHall> | undefined;

/** Copies live in memory where the system offers it: the tests open many, and need no durability. */
const scratch = () => mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'lobbyflow-hall-'));

/** The hall, built on first use in this worker. */
export function staffedHall(): Promise<StaffedHall> {
  hall ??= buildHall();
  return hall;
}

const methodsOf = (route: RouteOptions) => (Array.isArray(route.method) ? route.method : [route.method]);

async function buildHall(): Promise<StaffedHall> {
  const routes: RegisteredRoute[] = [];
  const dir = scratch();
  try {
    const t = await createTestApp({
      dir,
      onRoute: (route) => {
        const websocket = (route as { websocket?: boolean }).websocket === true;
        for (const method of methodsOf(route)) routes.push({ method, url: route.url, schema: route.schema, websocket });
      },
    });
    let staff: Awaited<ReturnType<typeof staffTheHall>>;
    try {
      staff = await staffTheHall(t);
    } finally {
      await t.close();
    }
    const image = readFileSync(t.file);
    const tokens = { ...staff.tokens, anonymous: undefined };
    const headers = Object.fromEntries(
      Object.entries(tokens).map(([actor, token]) => [actor, token ? { authorization: `Bearer ${token}` } : {}]),
    ) as StaffedHall['headers'];
    return { ids: staff.ids, tokens, headers, routes, open: () => openCopy(image) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function openCopy(image: Buffer): Promise<TestApp> {
  const dir = scratch();
  writeFileSync(join(dir, 'lobbyflow.db'), image, { flag: 'wx' });
  const t = await createTestApp({ dir, seed: false });
  return {
    ...t,
    async close() {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sets the hall up through the API, as the people in it would. */
async function staffTheHall(t: TestApp) {
  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) => {
    const res = await t.app.inject({ method, url, headers, payload });
    if (res.statusCode >= 300) throw new Error(`staffing the hall: ${method} ${url} answered ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? undefined : res.json();
  };
  const login = async (username: string, password: string): Promise<string> =>
    (await call('POST', '/api/auth/login', {}, { username, password })).token;

  const admin = await t.as('admin');
  const name = (en: string) => ({ en, zhHant: en, zhHans: en });
  await call('POST', '/api/admin/branches', admin, { id: OTHER_BRANCH, name: name('East'), timeZone: 'Asia/Shanghai', defaultLocale: 'en' });
  const east = `/api/branches/${OTHER_BRANCH}/admin`;
  const eastService = await call('POST', `${east}/services`, admin, {
    prefix: 'A',
    name: name('Cash'),
    selfServiceKind: null,
    targetWaitSeconds: 600,
    defaultServiceSeconds: 300,
  });
  await call('POST', `${east}/counters`, admin, { number: 1, serviceIds: [eastService.id] });
  const eastPassword = 'east-password';
  await call('POST', `${east}/users`, admin, { username: 'east-manager', displayName: 'East manager', role: 'manager', password: eastPassword });
  const device = async (branchId: string, kind: 'kiosk' | 'display', label: string) =>
    call('POST', `/api/branches/${branchId}/admin/device-tokens`, admin, { kind, label });

  const teller = await t.as('teller1');
  const otherTeller = await t.as('teller2');
  await call('POST', `/api/counters/${counter(1)}/open`, teller, {});
  await call('POST', `/api/counters/${counter(2)}/open`, otherTeller, {});
  await call('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });
  const called = await call('POST', `/api/counters/${counter(1)}/call-next`, teller);
  const waiting = await call('POST', `/api/branches/${BRANCH}/tickets`, t.kiosk, { serviceId: service('A') });

  const demoAdmin = `/api/branches/${BRANCH}/admin`;
  const [machine] = await call('GET', `${demoAdmin}/machines`, admin);
  const users: { id: string; username: string }[] = await call('GET', `${demoAdmin}/users`, admin);
  const devices: { id: string; kind: string }[] = await call('GET', `${demoAdmin}/device-tokens`, admin);
  const ids: Omit<HallIds, 'records'> = {
    branchId: BRANCH,
    counterId: counter(1),
    unusedCounterId: counter(6),
    calledTicketId: called.id,
    waitingTicketId: waiting.id,
    serviceId: service('A'),
    transferServiceId: service('B'),
    machineId: machine.id,
    userId: users.find((u) => u.username === 'teller3')!.id,
    deviceTokenId: (await device(BRANCH, 'display', 'Spare wall')).id,
    kioskDeviceId: devices.find((d) => d.kind === 'kiosk')!.id,
  };
  const bearer = (headers: Record<string, string>) => headers.authorization!.slice('Bearer '.length);
  const tokens: Record<Exclude<ActorName, 'anonymous'>, string> = {
    kiosk: bearer(t.kiosk),
    display: bearer(t.display),
    teller: bearer(teller),
    otherTeller: bearer(otherTeller),
    manager: bearer(await t.as('manager')),
    accountManager: bearer(await t.as('wealth1')),
    admin: bearer(admin),
    otherManager: await login('east-manager', eastPassword),
    otherKiosk: (await device(OTHER_BRANCH, 'kiosk', 'East kiosk')).token,
    otherDisplay: (await device(OTHER_BRANCH, 'display', 'East wall')).token,
  };
  const headersOf = (actor: ActorName): Record<string, string> => (actor === 'anonymous' ? {} : { authorization: `Bearer ${tokens[actor]}` });
  const records: Record<string, string> = {};
  for (const feature of RECORD_ROUTES) {
    if (!feature.setUp) continue;
    Object.assign(records, await feature.setUp({ t, ids, call: (actor, method, url, payload) => call(method, url, headersOf(actor), payload) }));
  }
  return { ids: { ...ids, records }, tokens };
}
