/**
 * Malformed input never breaks the server. Every route the app registers gets its well-formed
 * example (helpers/route-examples.ts) bent out of shape: path parameters, query, body and
 * Authorization header, one at a time (helpers/hostile-input.ts: wrong types, fields left out or
 * added, values past the schema's limits, huge strings and numbers, unknown ids), and raw bodies
 * that are not JSON, not UTF-8, or past the body limit. The live socket gets garbage frames.
 *
 * - No request is ever answered with a 5xx.
 * - A refused request (4xx) leaves every table as it was.
 * - A socket that sends garbage is told so, or closed with a defined code, and the server serves on.
 *
 * Requests go as the admin, who may call every route, so validation rather than authorisation is
 * what gets exercised (sign-in and sign-out go without a token). `npm test` runs a short fuzz;
 * LOBBYFLOW_SOAK=1 (`npm run test:soak`) runs about 12,000 requests.
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../protocol/messages.js';
import { bent, brokenJson, hostileId, invalidUtf8, junk, oversizedBody, rawPathSegment, type JsonSchema } from '../helpers/hostile-input.js';
import { exampleUrl, routeExamples, type RouteExample } from '../helpers/route-examples.js';
import { routeKey, staffedHall, type RegisteredRoute, type StaffedHall } from '../helpers/staffed-hall.js';
import { tableDigest, type TableDigest } from '../helpers/table-digest.js';
import type { TestApp } from '../helpers/test-app.js';
import { connect, type Collector } from '../helpers/ws.js';

const SOAK = process.env.LOBBYFLOW_SOAK === '1';
/** Requests per route: 60 routes × 200 is the soak's 12,000. */
const RUNS_PER_ROUTE = SOAK ? 200 : 12;
/** Sockets opened, each sent up to eight frames. */
const SOCKET_RUNS = SOAK ? 400 : 15;

let hall: StaffedHall;
let examples: Record<string, RouteExample>;
let t: TestApp;
let socketBase: string;
/** The tables as the last request left them. */
let tables: TableDigest;

beforeAll(async () => {
  hall = await staffedHall();
  examples = routeExamples(hall.ids);
  t = await hall.open();
  socketBase = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  tables = await tableDigest(t.app.lobby.db);
});
afterAll(() => t?.close());

// ── hostile HTTP requests ──────────────────────────────────────────────

interface HostileRequest {
  /** What was bent, for the failure message. */
  bent: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

type RouteSchemas = { params?: JsonSchema; querystring?: JsonSchema; body?: JsonSchema };

const SENDS_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Signing in and out go without a token: the admin's session must last the whole fuzz. */
const SIGNED_OUT = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);
/** What a header may hold: printable ASCII. */
const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 80 });
const json = { 'content-type': 'application/json' };
const FOREIGN_CONTENT_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/xml'];

/** Query string of any value: arrays repeat the key, objects go as JSON. */
function queryOf(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `?${encodeURIComponent(JSON.stringify(value) ?? '')}`;
  const query = new URLSearchParams();
  for (const [key, field] of Object.entries(value)) {
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item !== undefined) query.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  return `?${query}`;
}

/** Stands for a raw path segment until the URL is built, since filling a parameter encodes it. */
const RAW_SEGMENT = 'RAWSEGMENT';

/** Every way of bending the route's example, each leaving the rest of the request well formed. */
function hostileRequests(route: RegisteredRoute, example: RouteExample, auth: Record<string, string>): fc.Arbitrary<HostileRequest> {
  const schemas = (route.schema ?? {}) as RouteSchemas;
  const path = exampleUrl(route.url, { params: example.params });
  const query = example.query ? queryOf(example.query) : '';
  const body = example.body === undefined ? undefined : JSON.stringify(example.body);
  const request = (bentPart: string, parts: Partial<HostileRequest>): HostileRequest => ({
    bent: bentPart,
    url: parts.url ?? path + query,
    headers: { ...auth, ...(body === undefined ? {} : json), ...parts.headers },
    payload: 'payload' in parts ? parts.payload : body,
  });
  const withParam = (name: string, value: string) => exampleUrl(route.url, { params: { ...example.params, [name]: value } });

  const ways = [
    bent(schemas.querystring, example.query ?? {}).map((value) => request('querystring', { url: path + queryOf(value) })),
    fc
      .oneof(headerText, headerText.map((token) => `Bearer ${token}`), fc.constantFrom(`Bearer ${'x'.repeat(10_000)}`, 'Basic YWRtaW46ZGVtbw==', 'bearer demo-kiosk'))
      .map((authorization) => request('authorization', { headers: { authorization } })),
  ];
  const paramNames = Object.keys(example.params ?? {});
  if (paramNames.length) {
    const name = fc.constantFrom(...paramNames);
    ways.push(
      fc.tuple(name, hostileId).map(([param, id]) => request(`params/${param}`, { url: withParam(param, id) + query })),
      fc.tuple(name, rawPathSegment).map(([param, raw]) => request(`params/${param} raw`, { url: withParam(param, RAW_SEGMENT).replace(RAW_SEGMENT, raw) + query })),
    );
  }
  if (SENDS_BODY.has(route.method)) {
    ways.push(
      bent(schemas.body, example.body).map((value) => request('body', { headers: json, payload: JSON.stringify(value) ?? '' })),
      brokenJson(example.body).map((text) => request('body: broken JSON', { headers: json, payload: text })),
      invalidUtf8(example.body).map((bytes) => request('body: invalid UTF-8', { headers: json, payload: bytes })),
      oversizedBody.map((text) => request('body: past the limit', { headers: json, payload: text })),
      fc.constantFrom(...FOREIGN_CONTENT_TYPES).map((type) => request(`body as ${type}`, { headers: { 'content-type': type }, payload: body ?? 'a=1' })),
    );
  }
  return fc.oneof(...ways);
}

/** Sign-in failures are counted by design (the sign-in lock), so a refused sign-in may change that table alone. */
const COUNTED_ON_REFUSAL: Record<string, string[]> = { 'POST /api/auth/login': ['login_locks'] };

const without = (digest: TableDigest, tablesLeftOut: readonly string[]) =>
  Object.fromEntries(Object.entries(digest).filter(([table]) => !tablesLeftOut.includes(table)));

/** Sends the request; it must not fail, and a refusal must change nothing. */
async function sendAndCheck(route: RegisteredRoute, request: HostileRequest) {
  const res = await t.app.inject({ method: route.method as 'GET', url: request.url, headers: request.headers, payload: request.payload });
  const described = `${route.method} ${request.url.slice(0, 300)} (${request.bent}) → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, described).toBeLessThan(500);
  const before = tables;
  tables = await tableDigest(t.app.lobby.db);
  if (res.statusCode >= 400) {
    const leftOut = COUNTED_ON_REFUSAL[routeKey(route)] ?? [];
    expect(without(tables, leftOut), `refused but changed the database: ${described}`).toEqual(without(before, leftOut));
  }
}

describe('fuzzing every route', () => {
  const routes = () => hall.routes.filter((route) => route.method !== 'HEAD');

  it('has an example request for every route the app registers', () => {
    expect(routes().map(routeKey).filter((key) => !examples[key])).toEqual([]);
  });

  it(`answers ${RUNS_PER_ROUTE} bent requests per route without a 5xx, and a refused one changes nothing`, async () => {
    for (const route of routes()) {
      const example = examples[routeKey(route)];
      if (!example) continue; // reported above
      const requests = hostileRequests(route, example, hall.headers[SIGNED_OUT.has(routeKey(route)) ? 'anonymous' : 'admin']);
      await fc.assert(
        fc.asyncProperty(requests, (request) => sendAndCheck(route, request)),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    // Still serving, and the admin still signed in.
    expect((await t.app.inject({ url: '/api/health/ready' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: hall.headers.admin })).statusCode).toBe(200);
  }, SOAK ? 60 * 60_000 : 120_000);
});

// ── garbage on the live socket ─────────────────────────────────────────

interface Frame {
  data: string | Buffer;
  binary: boolean;
}

const text = (data: string): Frame => ({ data, binary: false });

/** What a screen could send: our own messages with extra fields, JSON of any shape, text, bytes. */
const frame: fc.Arbitrary<Frame> = fc.oneof(
  fc.record({ type: fc.constantFrom('ping', 'snapshot.request'), extra: junk }).map((message) => text(JSON.stringify(message))),
  fc.record({ type: fc.oneof(junk, fc.constantFrom('pong', 'snapshot', 'subscribe', 'PING', 'ping ')) }).map((message) => text(JSON.stringify(message))),
  fc.jsonValue().map((value) => text(JSON.stringify(value))),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map(text),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ data: Buffer.from(bytes), binary: true })),
  invalidUtf8({ type: 'ping' }).map((bytes) => ({ data: bytes, binary: false })),
  fc.constant(text(JSON.stringify({ type: 'ping', padding: 'x'.repeat(64 * 1024) }))),
);

/** The answer the socket owes a frame: a pong, a snapshot, an error, or a close with this code. */
function owedAnswer(sent: Frame): string {
  if (!sent.binary && !isUtf8(Buffer.from(sent.data))) return 'close 1007';
  if (Buffer.byteLength(sent.data) > 64 * 1024) return 'close 1009';
  try {
    const type = (JSON.parse(String(sent.data)) as { type?: unknown } | null)?.type;
    if (type === 'ping') return 'pong';
    if (type === 'snapshot.request') return 'snapshot';
  } catch {
    // not JSON: an error
  }
  return 'error VALIDATION_FAILED';
}

/** The socket's answer to one frame: the next message, or how it closed. */
async function answerOf(live: Collector, closed: Promise<number>, sent: Frame): Promise<string> {
  const seen = live.messages.length;
  live.socket.send(sent.data, { binary: sent.binary });
  const answer = await Promise.race([live.waitFor(seen + 1).then((messages) => messages[seen]!), closed]);
  if (typeof answer === 'number') return `close ${answer}`;
  const message = answer as ServerMessage;
  return message.type === 'error' ? `error ${message.code}` : message.type;
}

describe('fuzzing the live socket', () => {
  it('answers every garbage frame with an error or closes with a defined code, and keeps serving', async () => {
    const url = `${socketBase}/api/branches/${hall.ids.branchId}/live`;
    const before = await tableDigest(t.app.lobby.db);
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 8 }), async (frames) => {
        const live = connect(url, { headers: hall.headers.manager });
        const closed = new Promise<number>((resolve) => live.socket.on('close', resolve));
        try {
          expect((await live.waitFor(1))[0]!.type).toBe('snapshot');
          for (const sent of frames) {
            const owed = owedAnswer(sent);
            expect(await answerOf(live, closed, sent), `answer to ${String(sent.data).slice(0, 200)}`).toBe(owed);
            if (owed.startsWith('close')) return;
          }
        } finally {
          live.close();
        }
      }),
      { numRuns: SOCKET_RUNS },
    );
    // A new screen still gets its snapshot, and no frame changed anything.
    const fresh = connect(url, { headers: hall.headers.display });
    expect((await fresh.waitFor(1))[0]!.type).toBe('snapshot');
    fresh.close();
    expect(await tableDigest(t.app.lobby.db)).toEqual(before);
  }, SOAK ? 60 * 60_000 : 60_000);
});
