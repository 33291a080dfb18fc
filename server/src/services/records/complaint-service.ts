/** STUB: the complaint log (being built). */
import type { RecordDeps } from './record-deps.js';

export function createComplaintService(_deps: RecordDeps) {
  return {};
}
