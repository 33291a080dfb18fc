/** STUB: referrals to account managers (being built). */
import type { RecordDeps } from './record-deps.js';

export function createReferralService(_deps: RecordDeps) {
  return {};
}
