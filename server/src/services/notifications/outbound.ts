/**
 * Every request lobbyflow sends out (Web Push to push services, webhooks to the bank's gateway)
 * goes through one queue with a bounded number in flight and a time limit per request, so a slow
 * or dead gateway holds at most its own slots and never the branch: nothing here runs on a
 * teller's request or inside a transaction.
 */

export interface OutboundRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string | Uint8Array<ArrayBuffer>;
}

/** What came back: a status, or why nothing did (timeout, refused connection…). */
export type OutboundResult = { status: number; error?: undefined } | { status: null; error: string };

export interface OutboundOptions {
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Longest wait for an answer, ms (default 10 s). */
  timeoutMs?: number;
}

export function createOutbound({ concurrency = 8, timeoutMs = 10_000 }: OutboundOptions = {}) {
  const waiting: { request: OutboundRequest; resolve: (result: OutboundResult) => void }[] = [];
  let inFlight = 0;
  let closed = false;
  const idleWaiters: (() => void)[] = [];
  const aborts = new Set<AbortController>();

  async function perform(request: OutboundRequest): Promise<OutboundResult> {
    const abort = new AbortController();
    aborts.add(abort);
    const timer = setTimeout(() => abort.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    try {
      const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal: abort.signal, redirect: 'manual' });
      // The body is not needed; reading it frees the connection.
      await response.arrayBuffer().catch(() => undefined);
      return { status: response.status };
    } catch (err) {
      const reason = abort.signal.aborted ? abort.signal.reason : err;
      const cause = (reason as { cause?: { code?: string } })?.cause?.code;
      return { status: null, error: `${(reason as Error)?.message ?? String(reason)}${cause ? ` (${cause})` : ''}`.slice(0, 300) };
    } finally {
      clearTimeout(timer);
      aborts.delete(abort);
    }
  }

  function pump(): void {
    while (inFlight < concurrency && waiting.length > 0) {
      const { request, resolve } = waiting.shift()!;
      inFlight++;
      void perform(request).then((result) => {
        inFlight--;
        resolve(result);
        pump();
      });
    }
    if (inFlight === 0 && waiting.length === 0) idleWaiters.splice(0).forEach((wake) => wake());
  }

  return {
    /** Sends when a slot is free; never rejects. After close, answers at once with an error. */
    send(request: OutboundRequest): Promise<OutboundResult> {
      if (closed) return Promise.resolve({ status: null, error: 'the server is stopping' });
      return new Promise((resolve) => {
        waiting.push({ request, resolve });
        pump();
      });
    },
    /** Resolves once nothing is queued or in flight. */
    idle(): Promise<void> {
      if (inFlight === 0 && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    /** Stops: queued requests answer with an error, those in flight are aborted. */
    async close(): Promise<void> {
      closed = true;
      for (const { resolve } of waiting.splice(0)) resolve({ status: null, error: 'the server is stopping' });
      for (const abort of aborts) abort.abort(new Error('the server is stopping'));
      await this.idle();
    },
  };
}

export type Outbound = ReturnType<typeof createOutbound>;
