/**
 * One screen's live connection: a snapshot first, then every domain event of the branch in
 * sequence order. Events that arrive while a snapshot is being read are held back and sent after
 * it, skipping those the snapshot already includes.
 *
 * No screen can stall the hall: at most one snapshot is read per socket at a time (requests made
 * meanwhile are answered by one more), a socket that keeps asking is closed, and a socket that
 * stops reading is dropped once its send buffer passes a limit rather than buffered without bound.
 */
import type { WebSocket, WebSocketServer } from 'ws';
import { LIVE_CLOSE, type ClientMessage, type RecordsChangedMessage, type ServerMessage } from '../../../protocol/messages.js';
import type { Audience } from '../../../protocol/schemas.js';
import type { SharedSnapshot } from '../services/branch-engine.js';
import type { EventFrame, RealtimeHub } from './realtime-hub.js';

export interface LiveSocketOptions {
  socket: WebSocket;
  branchId: string;
  /** Whose screen it is: the hall's screens get staff-only events without their content. */
  audience: Audience;
  hub: RealtimeHub;
  loadSnapshot: () => Promise<SharedSnapshot>;
  /** How often to ping; a socket that missed the previous pong is dropped. */
  pingIntervalMs: number;
  /** Asked at every ping: false once the session ended or the device token was revoked. */
  stillAuthorized: () => Promise<boolean>;
  onError: (err: unknown) => void;
  /** A socket whose unsent data passes this many bytes is dropped. */
  maxBufferedBytes?: number;
  /** Starts sending the `records.changed` hints this screen may hear; returns the function that stops. */
  listenToHints?: (send: (message: RecordsChangedMessage) => void) => () => void;
}

/** How long a screen has at shutdown to answer the close frame before its socket is cut. */
export const CLOSE_HANDSHAKE_MS = 1000;

/**
 * At shutdown: tells every screen that the server is restarting (1012), so that its client reconnects
 * with backoff rather than giving up, and resolves once every socket is closed.
 */
export async function closeLiveSocketsForRestart(server: WebSocketServer): Promise<void> {
  const sockets = [...server.clients];
  for (const socket of sockets) socket.close(LIVE_CLOSE.SERVICE_RESTART, 'server restarting');
  const cut = setTimeout(() => sockets.forEach((socket) => socket.terminate()), CLOSE_HANDSHAKE_MS);
  await new Promise((resolve) => server.close(resolve));
  clearTimeout(cut);
}

/** Unsent bytes a socket may hold: a few full snapshots of a very busy hall. */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** Snapshot requests a socket may make per minute: a client resyncs after a gap, not in a loop. */
export const SNAPSHOT_REQUESTS_PER_MINUTE = 60;

export function serveLiveSocket(options: LiveSocketOptions) {
  const { socket, hub, loadSnapshot, pingIntervalMs, stillAuthorized, onError } = options;
  const maxBuffered = options.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  let lastSentSeq = -1;
  let held: EventFrame[] | null = [];
  let snapshotInFlight = false;
  let snapshotWanted = false;
  let requestTimes: number[] = [];
  let alive = true;

  /** Sends a frame, or drops a socket that is not reading: it resyncs when it comes back. */
  const sendFrame = (frame: string) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBuffered) return socket.terminate();
    socket.send(frame);
  };
  const send = (message: ServerMessage) => sendFrame(JSON.stringify(message));
  const sendEvents = (frames: readonly EventFrame[]) => {
    for (const { seq, frame } of frames) {
      if (seq <= lastSentSeq) continue;
      lastSentSeq = seq;
      sendFrame(frame);
    }
  };

  const leave = hub.join(options.branchId, options.audience, (frames) => {
    if (held) held.push(...frames);
    else sendEvents(frames);
  });

  async function sendSnapshot(): Promise<void> {
    held ??= [];
    snapshotInFlight = true;
    try {
      const { snapshot, frame } = await loadSnapshot();
      lastSentSeq = snapshot.seq;
      sendFrame(frame);
    } catch (err) {
      onError(err);
      send({ type: 'error', code: 'INTERNAL', message: 'could not read the branch; reconnect' });
    } finally {
      snapshotInFlight = false;
      if (snapshotWanted) {
        snapshotWanted = false;
        void sendSnapshot();
      } else {
        const pending = held ?? [];
        held = null;
        sendEvents(pending);
      }
    }
  }

  function requestSnapshot(): void {
    const now = Date.now();
    requestTimes = requestTimes.filter((t) => now - t < 60_000);
    requestTimes.push(now);
    if (requestTimes.length > SNAPSHOT_REQUESTS_PER_MINUTE) {
      return socket.close(LIVE_CLOSE.TOO_MANY_REQUESTS, 'too many snapshot requests');
    }
    if (snapshotInFlight) snapshotWanted = true;
    else void sendSnapshot();
  }

  socket.on('message', (raw) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(String(raw)) as ClientMessage;
    } catch {
      return send({ type: 'error', code: 'VALIDATION_FAILED', message: 'messages must be JSON' });
    }
    if (message?.type === 'snapshot.request') requestSnapshot();
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
      (ok) => ok || socket.close(LIVE_CLOSE.UNAUTHORIZED, 'session ended or device revoked'),
      onError,
    );
  }, pingIntervalMs);

  const stopHints = options.listenToHints?.(send) ?? (() => {});

  socket.on('close', () => {
    clearInterval(pinger);
    leave();
    stopHints();
  });

  void sendSnapshot();
}
