/**
 * Tellers of the demo branch working their counters against a real server process: open the counter,
 * call the next ticket, serve it, complete it, again and again, and carry on after the server comes
 * back. Every call whose answer reached a teller is kept, to check against the database afterwards.
 */
import { DEMO_BRANCH_ID } from '../../server/src/seed/demo-branch.js';

/** A ticket called to a counter, as the teller's call-next answer said. */
export interface AcknowledgedCall {
  ticketId: string;
  counterId: string;
}

export interface TellerRun {
  readonly calls: AcknowledgedCall[];
  /** Stops the tellers after their current request and waits for them. */
  stop(): Promise<void>;
}

export interface TellerOptions {
  base: () => string;
  /** One teller per entry: a session token and the counter that teller staffs. */
  tellers: readonly { token: string; counterId: string }[];
  /** Pause after a request that did nothing (nobody waiting, server down). */
  idlePauseMs?: number;
}

interface Answer {
  status: number;
  body: { id?: string; code?: string; currentTicketId?: string | null } | null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts one loop per teller. */
export function startTellers(options: TellerOptions): TellerRun {
  const calls: AcknowledgedCall[] = [];
  const idlePauseMs = options.idlePauseMs ?? 50;
  let stopped = false;

  async function post(token: string, path: string, body?: object): Promise<Answer | null> {
    try {
      const res = await fetch(`${options.base()}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: res.status === 204 ? null : ((await res.json()) as Answer['body']) };
    } catch {
      return null; // the server is down or went down mid-request
    }
  }

  /** Finishes the customer at the counter: start serving (if only called) and complete. */
  async function serve(token: string, ticketId: string): Promise<void> {
    await post(token, `/api/tickets/${ticketId}/start`);
    await post(token, `/api/tickets/${ticketId}/complete`);
  }

  /** The ticket a counter still holds (after a crash cut its teller short). */
  async function currentTicketOf(token: string, counterId: string): Promise<string | null> {
    try {
      const res = await fetch(`${options.base()}/api/branches/${DEMO_BRANCH_ID}/counters`, { headers: { authorization: `Bearer ${token}` } });
      const counters = (await res.json()) as { id: string; currentTicketId: string | null }[];
      return counters.find((c) => c.id === counterId)?.currentTicketId ?? null;
    } catch {
      return null;
    }
  }

  async function teller(token: string, counterId: string): Promise<void> {
    while (!stopped) {
      const answer = await post(token, `/api/counters/${counterId}/call-next`);
      if (answer?.status === 200 && answer.body?.id) {
        calls.push({ ticketId: answer.body.id, counterId });
        await serve(token, answer.body.id);
      } else if (answer?.status === 403 || answer?.body?.code === 'COUNTER_CLOSED') {
        // Not open yet, or not opened by this teller: the teller opens it.
        await post(token, `/api/counters/${counterId}/open`, {});
      } else if (answer?.body?.code === 'COUNTER_BUSY') {
        const current = await currentTicketOf(token, counterId);
        if (current) await serve(token, current);
      } else {
        await pause(idlePauseMs);
      }
    }
  }

  const loops = options.tellers.map(({ token, counterId }) => teller(token, counterId));
  return {
    calls,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
