/** The phone's ticket client against the real server: live view, reconnect after a restart, and stopping for good. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ticket } from '../../protocol/schemas.js';
import { TicketLiveClient } from '../../protocol/ticket-live-client.js';
import { ticketLiveUrl } from '../../protocol/ticket-live.js';
import { BRANCH, createTestApp, service, type TestApp } from '../helpers/test-app.js';
import { eventually } from '../helpers/ws.js';

let dir: string;
let t: TestApp;
let port: number;
const clients: TicketLiveClient[] = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lobbyflow-ticket-live-'));
  t = await createTestApp({ dir });
  port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const issue = async (): Promise<Ticket> =>
  (await t.app.inject({ method: 'POST', url: `/api/branches/${BRANCH}/tickets`, headers: t.kiosk, payload: { serviceId: service('A') } })).json();
const client = (ticketId: string) => {
  const c = new TicketLiveClient({ url: ticketLiveUrl(ticketId, `http://127.0.0.1:${port}`), WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, minBackoffMs: 50, maxBackoffMs: 200 });
  clients.push(c);
  return c;
};

describe('TicketLiveClient', () => {
  it('holds the ticket, reconnects after the server restarts, and stops once the ticket ended', async () => {
    const mine = await issue();
    const live = client(mine.id);
    await eventually(() => live.connection === 'live' && live.ticket?.ticket.id === mine.id, 5000, 'the first view');

    await t.app.close();
    await eventually(() => live.connection === 'reconnecting', 5000, 'reconnecting');
    t = await createTestApp({ dir, seed: false });
    await t.app.listen({ port, host: '127.0.0.1' });
    await eventually(() => live.connection === 'live', 10_000, 'live again');

    await t.app.inject({ method: 'POST', url: `/api/public/tickets/${mine.id}/cancel` });
    await eventually(() => live.connection === 'ended', 5000, 'ended');
    expect(live.ticket?.ticket.status).toBe('cancelled');
  });

  it('stops at once for an unknown ticket', async () => {
    const live = client('no-such-ticket');
    await eventually(() => live.connection === 'not_found', 5000, 'not found');
    expect(live.ticket).toBeNull();
  });
});
