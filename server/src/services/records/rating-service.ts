/** STUB: ratings after service and surveys (being built). */
import type { RecordDeps } from './record-deps.js';

export function createRatingService(_deps: RecordDeps) {
  return {};
}
