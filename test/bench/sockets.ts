/**
 * WebSocket clients for the bench, used identically against lobbyflow and the ceiling: open many
 * sockets (each counts as connected when its first frame, the snapshot, arrives), and time when every
 * socket receives the frame of a given type for a given ticket id. Frames are matched by looking for
 * the type and id in the raw bytes (no JSON.parse per frame), and the receive time is taken first.
 */
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { withTimeout } from './harness.js';

type RawData = WebSocket.RawData;

function asBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/** Waits for one frame per socket that contains `type` and the id given later by `setId`. */
export class FrameWait {
  private id: Buffer | undefined;
  private readonly type: Buffer;
  private readonly times: (number | undefined)[];
  private backlog: { index: number; time: number; data: Buffer }[] = [];
  private got = 0;
  private lost = 0;
  private resolveDone!: () => void;
  readonly sizes: number[] = [];
  readonly done: Promise<void>;

  constructor(
    type: string,
    private readonly expected: number,
  ) {
    this.type = Buffer.from(`"${type}"`);
    this.times = new Array(expected);
    this.done = new Promise((r) => (this.resolveDone = r));
    if (expected === 0) this.resolveDone();
  }

  offer(index: number, time: number, data: Buffer) {
    if (this.id === undefined) this.backlog.push({ index, time, data });
    else this.check(index, time, data);
  }

  /** The socket closed: it will not receive the frame. */
  drop(index: number) {
    if (this.times[index] !== undefined) return;
    this.times[index] = Number.NaN;
    this.lost++;
    this.settle();
  }

  setId(id: string) {
    this.id = Buffer.from(id);
    const backlog = this.backlog;
    this.backlog = [];
    for (const { index, time, data } of backlog) this.check(index, time, data);
  }

  private check(index: number, time: number, data: Buffer) {
    if (this.times[index] !== undefined || !data.includes(this.type) || !data.includes(this.id!)) return;
    this.times[index] = time;
    this.sizes.push(data.length);
    this.got++;
    this.settle();
  }

  private settle() {
    if (this.got + this.lost >= this.expected) this.resolveDone();
  }

  /** Receive times (performance.now()) of the sockets that got the frame. */
  receiveTimes(): number[] {
    return this.times.filter((t): t is number => t !== undefined && !Number.isNaN(t));
  }

  get missing(): number {
    return this.expected - this.got;
  }
}

interface Client {
  socket: WebSocket;
  open: boolean;
}

/** A set of sockets on one URL. */
export class SocketSet {
  private readonly clients: Client[] = [];
  private wait: FrameWait | null = null;
  /** Sockets that closed or failed after connecting. */
  closedAfterConnect = 0;
  /** Byte sizes of the first frame (snapshot) of each socket. */
  readonly firstFrameSizes: number[] = [];

  constructor(private readonly url: string) {}

  get size(): number {
    return this.clients.filter((c) => c.open).length;
  }

  /**
   * Opens one socket; resolves with the time its first frame arrived, rejects when it fails or
   * closes first.
   */
  private connectOne(): Promise<number> {
    return new Promise((resolveFirst, reject) => {
      const socket = new WebSocket(this.url, { perMessageDeflate: false });
      const index = this.clients.length;
      const client: Client = { socket, open: false };
      this.clients.push(client);
      let first = true;
      socket.on('message', (data: RawData) => {
        const time = performance.now();
        const buffer = asBuffer(data);
        if (first) {
          first = false;
          client.open = true;
          this.firstFrameSizes.push(buffer.length);
          resolveFirst(time);
          return;
        }
        this.wait?.offer(index, time, buffer);
      });
      socket.on('error', (err) => {
        if (first) reject(err);
      });
      socket.on('close', (code) => {
        if (first) {
          first = false;
          reject(new Error(`socket closed (${code}) before its first frame`));
        } else if (client.open) {
          client.open = false;
          this.closedAfterConnect++;
          this.wait?.drop(index);
        }
      });
    });
  }

  /** Adds `count` sockets, at most `concurrency` connecting at a time, each waiting for its snapshot. */
  async add(count: number, concurrency: number, timeoutMs: number): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        await this.connectOne();
      }
    };
    await withTimeout(Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker)), timeoutMs, `connecting ${count} sockets`);
  }

  /**
   * Opens `count` sockets at once. Resolves with how many received their first frame and when the
   * last one did (ms after the start), or what was reached when `timeoutMs` ran out.
   */
  async storm(count: number, timeoutMs: number): Promise<{ received: number; failed: number; ms: number; timedOut: boolean }> {
    const start = performance.now();
    let received = 0;
    let failed = 0;
    let last = start;
    const all = Array.from({ length: count }, () =>
      this.connectOne().then(
        (time) => {
          received++;
          last = Math.max(last, time);
        },
        () => {
          failed++;
        },
      ),
    );
    let timedOut = false;
    await withTimeout(Promise.all(all), timeoutMs, 'storm').catch(() => {
      timedOut = true;
    });
    return { received, failed, ms: (timedOut ? performance.now() : last) - start, timedOut };
  }

  /** Starts waiting for the frame of `type` on every open socket (call before sending the request). */
  expect(type: string): FrameWait {
    const wait = new FrameWait(type, this.clients.length);
    // Sockets that are not open count as lost right away.
    this.clients.forEach((client, i) => client.open || wait.drop(i));
    this.wait = wait;
    return wait;
  }

  /** Stops waiting (the FrameWait keeps what it got). */
  clearWait() {
    this.wait = null;
  }

  /** Closes every socket without the close handshake. */
  closeAll() {
    this.wait = null;
    for (const client of this.clients) {
      client.open = false;
      client.socket.removeAllListeners('close');
      client.socket.on('error', () => {});
      client.socket.terminate();
    }
    this.clients.length = 0;
  }
}
