/** STUB: the customer resource sheet and VIP recognition (being built). */
import type { RecordDeps } from './record-deps.js';

export function createCustomerService(_deps: RecordDeps) {
  return {};
}
