/**
 * Device health: which kiosks and displays have their live socket open (kept in memory, and their last
 * connection and disconnection on device_tokens), and the print failures kiosks report. Managers'
 * screens hear `records.changed { record: 'device' }` when a device comes, goes or fails to print.
 */
import type { PrintFailureBody } from '../../../../protocol/device-health-routes.js';
import { assertCanRead, assertStaff, type Actor } from '../../domain/actor.js';
import { forbidden, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { deviceHealthRepository as devices } from '../../repositories/device-health-repository.js';
import type { RecordDeps } from './record-deps.js';

/**
 * A connection is written to device_tokens once it has lasted this long: a page reload or a probe
 * that opens and closes at once leaves no row changed (the in-memory presence still counts it).
 */
export const CONNECTION_SETTLES_MS = 2000;

interface DeviceSockets {
  open: number;
  /** Whether this connection's start was written (so its end is written too). */
  recorded: boolean;
  settle: ReturnType<typeof setTimeout> | undefined;
}

export function createDevicePresence({ db, clock, hints }: RecordDeps) {
  /** Open live sockets per device: a kiosk reloading its page briefly has two. */
  const sockets = new Map<string, DeviceSockets>();
  /** Rows saying "connected" from before this start were left so by a stopped server. */
  const startedAt = clock.now().toISOString();
  const writes = new Set<Promise<void>>();

  /** Records a connection change without holding up the socket; a closing server may refuse it. */
  function record(write: () => Promise<void>) {
    const done: Promise<void> = write()
      .catch(() => undefined)
      .finally(() => writes.delete(done));
    writes.add(done);
  }

  return {
    startedAt,

    /** A live socket opened for `actor` in `branchId`; returns what to call when it closes (once). */
    connected(actor: Actor, branchId: string): () => void {
      if (actor.kind !== 'device') return () => {};
      const deviceId = actor.id;
      let device = sockets.get(deviceId);
      if (!device) {
        const since = clock.now().toISOString();
        const entry: DeviceSockets = { open: 0, recorded: false, settle: undefined };
        entry.settle = setTimeout(() => {
          entry.recorded = true;
          record(() => devices.markConnected(db, deviceId, since));
        }, CONNECTION_SETTLES_MS);
        entry.settle.unref?.();
        sockets.set(deviceId, (device = entry));
        hints.publish(branchId, { record: 'device', id: deviceId });
      }
      device.open++;
      const mine = device;
      let closed = false;
      return () => {
        if (closed) return;
        closed = true;
        if (--mine.open > 0) return;
        // Offline only when its last socket closes.
        clearTimeout(mine.settle);
        if (sockets.get(deviceId) === mine) sockets.delete(deviceId);
        const at = clock.now().toISOString();
        if (mine.recorded) record(() => devices.markDisconnected(db, deviceId, at));
        hints.publish(branchId, { record: 'device', id: deviceId });
      };
    },

    /** The devices with a live socket open now. */
    connectedIds(): ReadonlySet<string> {
      return new Set(sockets.keys());
    },

    /** Resolves once the connection changes recorded so far are written (tests wait on it). */
    async settled(): Promise<void> {
      await Promise.all([...writes]);
    },

    /** The calling kiosk could not print (or is out of paper): kept until a manager resolves it, once per kind. */
    async reportPrintFailure(actor: Actor, branchId: string, body: PrintFailureBody): Promise<null> {
      assertCanRead(actor, branchId);
      if (actor.kind !== 'device' || actor.deviceKind !== 'kiosk') throw forbidden('only a kiosk reports its own printing');
      if (await devices.findOpenFaultOf(db, actor.id, body.kind)) return null;
      const id = newId();
      const detail = body.detail?.trim() || null;
      await devices.insertFault(db, { id, branchId, deviceId: actor.id, kind: body.kind, detail, at: clock.now().toISOString() });
      hints.publish(branchId, { record: 'device', id });
      return null;
    },

    /** A manager saw to the printer: the alert goes. Resolving twice is harmless. */
    async resolveFault(actor: Actor, branchId: string, faultId: string): Promise<null> {
      assertStaff(actor, branchId, ['admin', 'manager']);
      const fault = await devices.findFault(db, branchId, faultId);
      if (!fault) throw notFound('device fault', faultId);
      if (fault.resolved_at === null) {
        await devices.resolveFault(db, faultId, { at: clock.now().toISOString(), by: actor.id });
        hints.publish(branchId, { record: 'device', id: faultId });
      }
      return null;
    },
  };
}

export type DevicePresence = ReturnType<typeof createDevicePresence>;
