/** Shared by the branch administration tests: requests, a second branch, and a dump to prove nothing changed. */
import type { DomainEvent } from '../../protocol/messages.js';
import { BRANCH, type TestApp } from '../helpers/test-app.js';

export const ADMIN = `/api/branches/${BRANCH}/admin`;

type Headers = Record<string, string>;

export function requester(t: () => TestApp) {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    t().app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  return {
    get: (url: string, headers: Headers) => send('GET', url, headers),
    post: (url: string, headers: Headers, payload?: object) => send('POST', url, headers, payload),
    patch: (url: string, headers: Headers, payload: object) => send('PATCH', url, headers, payload),
    del: (url: string, headers: Headers) => send('DELETE', url, headers),
  };
}

/** Every configuration table and the event log, to prove that a refused request changed nothing. */
export async function dump(t: TestApp) {
  const db = t.app.lobby.db;
  return {
    branches: await db.selectFrom('branches').selectAll().orderBy('id').execute(),
    services: await db.selectFrom('services').selectAll().orderBy('id').execute(),
    counters: await db.selectFrom('counters').selectAll().orderBy('id').execute(),
    counterServices: await db.selectFrom('counter_services').selectAll().orderBy('counter_id').orderBy('service_id').execute(),
    machines: await db.selectFrom('machines').selectAll().orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    sessions: await db.selectFrom('sessions').selectAll().orderBy('token_hash').execute(),
    deviceTokens: await db.selectFrom('device_tokens').selectAll().orderBy('id').execute(),
    tickets: await db.selectFrom('tickets').selectAll().orderBy('id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('seq').execute(),
  };
}

/** Collects the events the demo branch publishes. */
export function recordEvents(t: TestApp): DomainEvent[] {
  const events: DomainEvent[] = [];
  t.app.lobby.bus.subscribe(BRANCH, (batch) => events.push(...batch));
  return events;
}

/** A second branch "north" with its own manager `north-manager` (password `demo`). */
export async function addNorthBranch(t: TestApp): Promise<void> {
  const db = t.app.lobby.db;
  const demo = await db.selectFrom('branches').selectAll().where('id', '=', BRANCH).executeTakeFirstOrThrow();
  await db.insertInto('branches').values({ ...demo, id: 'north', name_en: 'North', last_seq: 0 }).execute();
  await db
    .insertInto('services')
    .values({
      id: 'north-a',
      branch_id: 'north',
      prefix: 'A',
      name_en: 'Cash',
      name_zh_hant: '現金',
      name_zh_hans: '现金',
      self_service_kind: null,
      target_wait_seconds: 600,
      default_service_seconds: 240,
      icon: '',
      sort_order: 0,
      active: 1,
    })
    .execute();
  const manager = await db.selectFrom('users').selectAll().where('username', '=', 'manager').executeTakeFirstOrThrow();
  await db.insertInto('users').values({ ...manager, id: 'north-manager-id', username: 'north-manager', branch_id: 'north' }).execute();
}

export const serviceBody = (overrides: Record<string, unknown> = {}) => ({
  prefix: 'F',
  name: { en: 'Pensions', zhHant: '養老金', zhHans: '养老金' },
  selfServiceKind: null,
  targetWaitSeconds: 900,
  defaultServiceSeconds: 300,
  icon: '👴',
  ...overrides,
});
