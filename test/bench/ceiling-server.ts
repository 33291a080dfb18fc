/**
 * The ceiling server of `npm run bench`, run as a child process like lobbyflow: bare Fastify 5 and
 * @fastify/websocket doing the least work each figure needs, so lobbyflow's figures can stand beside
 * what the same framework, the same SQLite pragmas and the same machine do with nothing else to do.
 *
 *   GET  /api/health                 readiness
 *   POST /json                       parse a JSON body, answer a small JSON object
 *   POST /insert                     the same, plus one durable insert (only with CEILING_DB:
 *                                    a file, journal_mode = WAL, synchronous = FULL, prepared statement)
 *   GET  /live?bytes=N               WebSocket: sends one `{"type":"snapshot",…}` frame of N bytes on connect
 *   POST /broadcast?bytes=N          sends one `{"type":"ticket.called","ticket":{"id":…},…}` frame of N bytes
 *                                    to every open socket, answers `{id, sockets}`
 *
 * Env: PORT (required), HOST (127.0.0.1), CEILING_DB (optional file).
 */
import { randomUUID } from 'node:crypto';
import websocket from '@fastify/websocket';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import type { WebSocket } from 'ws';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const dbFile = process.env.CEILING_DB;

/** A JSON text frame of exactly `bytes` bytes (or the smallest possible when `bytes` is smaller). */
function frame(type: string, id: string, bytes: number): string {
  const head = `{"type":"${type}","ticket":{"id":"${id}"},"pad":"`;
  const tail = '"}';
  return head + 'x'.repeat(Math.max(0, bytes - head.length - tail.length)) + tail;
}

const app = Fastify({ logger: false });
await app.register(websocket);

app.get('/api/health', async () => ({ status: 'ok' }));

app.post('/json', async (request) => {
  const body = request.body as { serviceId?: string } | undefined;
  return { id: randomUUID(), serviceId: body?.serviceId ?? null, status: 'waiting' };
});

if (dbFile) {
  const db = new SQLite(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS tickets (id TEXT PRIMARY KEY, service_id TEXT NOT NULL, issued_at TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO tickets (id, service_id, issued_at) VALUES (?, ?, ?)');
  app.post('/insert', async (request) => {
    const body = request.body as { serviceId?: string } | undefined;
    const id = randomUUID();
    insert.run(id, body?.serviceId ?? '', new Date().toISOString());
    return { id, serviceId: body?.serviceId ?? null, status: 'waiting' };
  });
  app.addHook('onClose', async () => {
    db.close();
  });
}

const sockets = new Set<WebSocket>();
app.get('/live', { websocket: true }, (socket, request) => {
  const bytes = Number((request.query as { bytes?: string }).bytes ?? 0);
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.send(frame('snapshot', randomUUID(), bytes));
});

app.post('/broadcast', async (request) => {
  const bytes = Number((request.query as { bytes?: string }).bytes ?? 0);
  const id = randomUUID();
  const text = frame('ticket.called', id, bytes);
  for (const socket of sockets) socket.send(text);
  return { id, sockets: sockets.size };
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await app.close();
    process.exit(0);
  });
}

await app.listen({ port, host });
