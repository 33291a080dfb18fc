/**
 * A local HTTP server on 127.0.0.1 that records every request it gets and answers as the test
 * says: the stand-in for a push service (FCM, Mozilla, Apple) and for a bank's SMS or WeChat
 * gateway. `answer` may return a status, or `'hang'` to never answer (a dead gateway).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

export type Answer = number | 'hang';

export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests not answered yet ('hang'). */
  hanging(): number;
  /** How the next requests are answered (default 201). */
  answer: (request: RecordedRequest, index: number) => Answer;
  /** Resolves once `count` requests have arrived (or throws after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

export async function startRecordingServer(answer: RecordingServer['answer'] = () => 201): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const held = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), at: performance.now() };
      requests.push(recorded);
      const status = self.answer(recorded, requests.length - 1);
      if (status === 'hang') {
        held.add(res);
        res.on('close', () => held.delete(res));
      } else res.writeHead(status).end();
      for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const self: RecordingServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    hanging: () => held.size,
    answer,
    async waitFor(count, timeoutMs = 5000) {
      if (requests.length < count) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${requests.length} of ${count} requests arrived within ${timeoutMs} ms`)), timeoutMs);
          waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
        });
      }
      return requests.slice(0, count);
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return self;
}
