/**
 * Kiosks of the demo branch issuing tickets against a real server process, keeping the outcome of
 * every request: the tests about crashes, shutdown, backups and a full disk check those outcomes
 * against the database file afterwards.
 */
import { ADMIN_ROUTES, fillPath } from '../../protocol/admin-schemas.js';
import { DEMO_BRANCH_ID, DEMO_DEVICE_TOKENS, DEMO_PASSWORD } from '../../server/src/seed/demo-branch.js';

export interface IssuedTicket {
  id: string;
  number: string;
  serviceId: string;
}

/**
 * What became of one request. `issued`: a whole 201 answer. `refused`: the connection was refused
 * (nobody listening). `dropped`: the connection closed before any answer began (a kept-alive
 * connection closed by the server as the request went out, or a killed server). `declined`: a whole
 * 4xx answer, such as a kiosk over its per-minute cap. `unavailable`: a whole 5xx answer. `broken`:
 * a half-answer, such as a body cut short or one that does not parse.
 */
export type IssueOutcome =
  | { kind: 'issued'; ticket: IssuedTicket }
  | { kind: 'refused' }
  | { kind: 'dropped' | 'broken'; detail: string }
  | { kind: 'declined' | 'unavailable'; status: number; code?: string };

/** A demo user's session token (every demo user has the demo password). */
export async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Registers `count` kiosks with the demo branch's admin and returns their tokens: each kiosk is its
 * own device, with its own per-minute cap, as in a real hall.
 */
export async function registerKiosks(base: string, count: number): Promise<string[]> {
  const admin = await signIn(base, 'admin');
  const url = `${base}${fillPath(ADMIN_ROUTES.deviceTokens, { branchId: DEMO_BRANCH_ID })}`;
  const register = async (i: number) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'kiosk', label: `Test kiosk ${i + 1}` }),
    });
    if (res.status !== 201) throw new Error(`registering a kiosk: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return Promise.all(Array.from({ length: count }, (_, i) => register(i)));
}

/** One kiosk press: `POST /api/branches/demo/tickets` for `serviceId`. */
export async function issueTicket(base: string, serviceId = 'demo-a', token: string = DEMO_DEVICE_TOKENS.kiosk): Promise<IssueOutcome> {
  let res: Response;
  try {
    res = await fetch(`${base}/api/branches/${DEMO_BRANCH_ID}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId }),
    });
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    return code === 'ECONNREFUSED' ? { kind: 'refused' } : { kind: 'dropped', detail: `${err} (${code})` };
  }
  let body: { id?: string; number?: string; code?: string };
  try {
    body = (await res.json()) as typeof body;
  } catch (err) {
    return { kind: 'broken', detail: `${res.status} with an unreadable body: ${err}` };
  }
  if (res.status === 201 && body.id && body.number) return { kind: 'issued', ticket: { id: body.id, number: body.number, serviceId } };
  if (res.status >= 400) return { kind: res.status >= 500 ? 'unavailable' : 'declined', status: res.status, code: body.code };
  return { kind: 'broken', detail: `${res.status} ${JSON.stringify(body)}` };
}

export interface KioskRun {
  /** Every ticket whose 201 answer reached a kiosk, in the order they arrived. */
  readonly issued: IssuedTicket[];
  readonly outcomes: IssueOutcome[];
  /** Stops the kiosks after their current request and waits for them. */
  stop(): Promise<void>;
}

export interface KioskOptions {
  /** The server's address, asked before each request. */
  base: () => string;
  /** One token per kiosk; the demo kiosk's when omitted. */
  tokens?: readonly string[];
  /** How many kiosks when no tokens are given. */
  kiosks?: number;
  serviceIds?: readonly string[];
  /** How long a kiosk waits between presses (a customer takes a moment); none when omitted. */
  pauseMs?: () => number;
  /** A kiosk stops by itself once this holds for an outcome (for example: the server is gone). */
  stopWhen?: (outcome: IssueOutcome) => boolean;
  /** After a request that issued nothing, a kiosk waits this long, so that it does not spin while the server is down. */
  retryPauseMs?: number;
}

/** Starts one loop per kiosk, each issuing one ticket after another until stopped. */
export function startKiosks(options: KioskOptions): KioskRun {
  const tokens = options.tokens ?? Array.from({ length: options.kiosks ?? 1 }, () => DEMO_DEVICE_TOKENS.kiosk);
  const serviceIds = options.serviceIds ?? ['demo-a'];
  const issued: IssuedTicket[] = [];
  const outcomes: IssueOutcome[] = [];
  let stopped = false;

  async function kiosk(token: string, index: number): Promise<void> {
    for (let press = index; !stopped; press++) {
      const outcome = await issueTicket(options.base(), serviceIds[press % serviceIds.length], token);
      outcomes.push(outcome);
      if (outcome.kind === 'issued') issued.push(outcome.ticket);
      if (options.stopWhen?.(outcome)) return;
      const pause = outcome.kind === 'issued' ? (options.pauseMs?.() ?? 0) : (options.retryPauseMs ?? 20);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  const loops = tokens.map((token, i) => kiosk(token, i));
  return {
    issued,
    outcomes,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
