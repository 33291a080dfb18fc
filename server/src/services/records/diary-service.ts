/** STUB: the work diary (being built). */
import type { RecordDeps } from './record-deps.js';

export function createDiaryService(_deps: RecordDeps) {
  return {};
}
