/**
 * One screen's live connection: a snapshot first, then every domain event of the branch in
 * sequence order. Events that arrive while the snapshot is being read are held back and sent
 * after it, skipping those the snapshot already includes.
 */
import type { WebSocket } from 'ws';
import type { ClientMessage, DomainEvent, ServerMessage } from '../../../protocol/messages.js';
import type { Snapshot } from '../../../protocol/schemas.js';
import type { EventBus } from './event-bus.js';

export interface LiveSocketOptions {
  socket: WebSocket;
  branchId: string;
  bus: EventBus;
  loadSnapshot: () => Promise<Snapshot>;
  /** How often to ping; a socket that missed the previous pong is dropped. */
  pingIntervalMs: number;
  /** Asked at every ping: false once the session ended or the device token was revoked. */
  stillAuthorized: () => Promise<boolean>;
  onError: (err: unknown) => void;
}

/** Close code for a socket whose session or device token is no longer valid. */
export const CLOSE_UNAUTHORIZED = 4401;

export function serveLiveSocket({ socket, branchId, bus, loadSnapshot, pingIntervalMs, stillAuthorized, onError }: LiveSocketOptions) {
  let lastSentSeq = -1;
  let held: DomainEvent[] | null = [];
  // Snapshot requests can overlap (two resyncs in quick succession): hold events until the last one is sent.
  let snapshotsInFlight = 0;
  let alive = true;

  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const sendEvents = (events: readonly DomainEvent[]) => {
    for (const event of events) {
      if (event.seq <= lastSentSeq) continue;
      lastSentSeq = event.seq;
      send(event);
    }
  };

  const unsubscribe = bus.subscribe(branchId, (events) => {
    if (held) held.push(...events);
    else sendEvents(events);
  });

  async function sendSnapshot() {
    held ??= [];
    snapshotsInFlight++;
    try {
      const snapshot = await loadSnapshot();
      lastSentSeq = snapshot.seq;
      send({ type: 'snapshot', ...snapshot });
    } catch (err) {
      onError(err);
      send({ type: 'error', code: 'INTERNAL', message: 'could not read the branch; reconnect' });
    } finally {
      if (--snapshotsInFlight === 0) {
        const pending = held ?? [];
        held = null;
        sendEvents(pending);
      }
    }
  }

  socket.on('message', (raw) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(raw)) as ClientMessage;
    } catch {
      return send({ type: 'error', code: 'VALIDATION_FAILED', message: 'messages must be JSON' });
    }
    if (message?.type === 'snapshot.request') void sendSnapshot();
    else if (message?.type === 'ping') send({ type: 'pong' });
    else send({ type: 'error', code: 'VALIDATION_FAILED', message: 'type must be snapshot.request or ping' });
  });

  socket.on('pong', () => {
    alive = true;
  });
  const pinger = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
    // A revoked kiosk or a signed-out teller must not keep watching the hall.
    stillAuthorized().then(
      (ok) => ok || socket.close(CLOSE_UNAUTHORIZED, 'session ended or device revoked'),
      onError,
    );
  }, pingIntervalMs);

  socket.on('close', () => {
    clearInterval(pinger);
    unsubscribe();
  });

  void sendSnapshot();
}
