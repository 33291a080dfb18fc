/** STUB: device health (being built): which kiosks and displays have their live socket open. */
import type { Actor } from '../../domain/actor.js';
import type { RecordDeps } from './record-deps.js';

export function createDevicePresence(_deps: RecordDeps) {
  return {
    /** A live socket opened for `actor` in `branchId`; returns what to call when it closes. */
    connected(_actor: Actor, _branchId: string): () => void {
      return () => {};
    },
  };
}
