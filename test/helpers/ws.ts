/** A real WebSocket client that collects the server's messages and waits for them. */
import WebSocket from 'ws';
import type { ServerMessage } from '../../protocol/messages.js';

export interface Collector {
  socket: WebSocket;
  messages: ServerMessage[];
  /** Resolves when `count` messages have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<ServerMessage[]>;
  close(): void;
}

export function connect(url: string, options: WebSocket.ClientOptions = {}): Collector {
  const socket = new WebSocket(url, options);
  const messages: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (raw) => {
    messages.push(JSON.parse(String(raw)) as ServerMessage);
    waiters.splice(0).forEach((w) => w());
  });
  return {
    socket,
    messages,
    waitFor(count, ms = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`got ${messages.length} of ${count} messages`)), ms);
        const check = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve(messages.slice(0, count));
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => socket.close(),
  };
}

/** Polls `predicate` until it holds (or fails after `ms`). */
export async function eventually(predicate: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
