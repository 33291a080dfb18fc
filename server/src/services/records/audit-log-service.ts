/** STUB: the admins' view of the audit log (being built). */
import type { RecordDeps } from './record-deps.js';

export function createAuditLogService(_deps: RecordDeps) {
  return {};
}
