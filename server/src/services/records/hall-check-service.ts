/** STUB: opening and closing checks, machine faults, hall alerts (being built). */
import type { RecordDeps } from './record-deps.js';

export function createHallCheckService(_deps: RecordDeps) {
  return {};
}
