/**
 * One phone's live connection to its own ticket: the ticket's view at once, then again whenever a
 * change moves it (status, counter, place, estimate in whole minutes, opening); nothing else. When
 * the ticket ends its last view is sent and the socket closed with FINISHED, so the phone stops.
 */
import type { WebSocket } from 'ws';
import { isActive } from '../../../protocol/actions.js';
import type { PublicTicket } from '../../../protocol/schemas.js';
import { TICKET_LIVE_CLOSE, type TicketLiveMessage } from '../../../protocol/ticket-live.js';
import type { TicketWatch } from './ticket-watch.js';

export interface TicketSocketOptions {
  socket: WebSocket;
  /** The ticket's view as the socket opened (the public ticket route's answer). */
  initial: PublicTicket;
  watch: TicketWatch;
  /** How often to ping; a phone that missed the previous pong is dropped. */
  pingIntervalMs: number;
}

/** Unsent bytes past which a phone that stopped reading is dropped: a few hundred updates. */
const MAX_BUFFERED_BYTES = 256 * 1024;

/**
 * What the phone would show differently: the view with the estimate in whole minutes, as the page
 * shows it, so a replay that moved an estimate by seconds sends nothing.
 */
export function shownKey(view: PublicTicket): string {
  const { estimatedWaitSeconds, ...ticket } = view.ticket;
  const minutes = estimatedWaitSeconds === undefined ? null : Math.round(estimatedWaitSeconds / 60);
  return JSON.stringify({ ...view, ticket, minutes });
}

export function serveTicketSocket({ socket, initial, watch, pingIntervalMs }: TicketSocketOptions): void {
  let lastKey = '';
  let stop = () => {};
  const send = (message: TicketLiveMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return socket.terminate();
    socket.send(JSON.stringify(message));
  };
  const update = (view: PublicTicket) => {
    const key = shownKey(view);
    if (key === lastKey) return;
    lastKey = key;
    send({ type: 'ticket', ticket: view });
    if (!isActive(view.ticket.status)) {
      stop();
      socket.close(TICKET_LIVE_CLOSE.FINISHED, 'the ticket has ended');
    }
  };

  update(initial);
  if (!isActive(initial.ticket.status)) return;
  stop = watch.watch(initial.ticket.branchId, initial.ticket.id, update);

  socket.on('message', (raw) => {
    let type: unknown;
    try {
      type = (JSON.parse(String(raw)) as { type?: unknown })?.type;
    } catch {
      type = undefined;
    }
    if (type === 'ping') send({ type: 'pong' });
    else send({ type: 'error', code: 'VALIDATION_FAILED', message: 'the only message is {"type":"ping"}' });
  });

  let alive = true;
  socket.on('pong', () => {
    alive = true;
  });
  const pinger = setInterval(() => {
    if (!alive) return socket.terminate();
    alive = false;
    socket.ping();
  }, pingIntervalMs);

  socket.on('close', () => {
    clearInterval(pinger);
    stop();
  });
}
