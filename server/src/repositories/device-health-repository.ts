/** Device health: when each kiosk and display last connected its live socket, and kiosks' print failures (device_faults). */
import type { DeviceFault } from '../../../protocol/check-routes.js';
import type { DeviceFaultKind } from '../../../protocol/record-kinds.js';
import type { DevicePresenceRow } from '../domain/hall-check-rules.js';
import type { Db } from './db.js';

async function markConnected(db: Db, deviceId: string, at: string): Promise<void> {
  await db.updateTable('device_tokens').set({ last_connected_at: at }).where('id', '=', deviceId).execute();
}

async function markDisconnected(db: Db, deviceId: string, at: string): Promise<void> {
  await db.updateTable('device_tokens').set({ last_disconnected_at: at }).where('id', '=', deviceId).execute();
}

/** The branch's kiosks and displays whose token still holds, with their last connection times. */
async function listActiveDevices(db: Db, branchId: string): Promise<DevicePresenceRow[]> {
  const rows = await db
    .selectFrom('device_tokens')
    .select(['id', 'kind', 'label', 'last_connected_at', 'last_disconnected_at'])
    .where('branch_id', '=', branchId)
    .where('revoked_at', 'is', null)
    .orderBy('kind')
    .orderBy('label')
    .execute();
  return rows
    .filter((r) => r.kind === 'kiosk' || r.kind === 'display')
    .map((r) => ({ id: r.id, kind: r.kind, label: r.label, lastConnectedAt: r.last_connected_at, lastDisconnectedAt: r.last_disconnected_at }));
}

async function insertFault(db: Db, fault: { id: string; branchId: string; deviceId: string; kind: DeviceFaultKind; detail: string | null; at: string }): Promise<void> {
  await db
    .insertInto('device_faults')
    .values({ id: fault.id, branch_id: fault.branchId, device_id: fault.deviceId, kind: fault.kind, detail: fault.detail, at: fault.at, resolved_at: null, resolved_by: null })
    .execute();
}

/** The branch's fault, resolved or not. */
async function findFault(db: Db, branchId: string, faultId: string) {
  return db.selectFrom('device_faults').select(['id', 'resolved_at']).where('id', '=', faultId).where('branch_id', '=', branchId).executeTakeFirst();
}

/** The device's unresolved fault of this kind, if it reported one already. */
async function findOpenFaultOf(db: Db, deviceId: string, kind: DeviceFaultKind) {
  return db.selectFrom('device_faults').select(['id']).where('device_id', '=', deviceId).where('kind', '=', kind).where('resolved_at', 'is', null).executeTakeFirst();
}

async function resolveFault(db: Db, faultId: string, resolved: { at: string; by: string }): Promise<void> {
  await db.updateTable('device_faults').set({ resolved_at: resolved.at, resolved_by: resolved.by }).where('id', '=', faultId).where('resolved_at', 'is', null).execute();
}

/** Unresolved faults of the branch, newest first, with the device's label. */
async function listOpenFaults(db: Db, branchId: string): Promise<DeviceFault[]> {
  const rows = await db
    .selectFrom('device_faults')
    .leftJoin('device_tokens', 'device_tokens.id', 'device_faults.device_id')
    .select(['device_faults.id', 'device_faults.device_id', 'device_faults.kind', 'device_faults.detail', 'device_faults.at', 'device_tokens.label'])
    .where('device_faults.branch_id', '=', branchId)
    .where('device_faults.resolved_at', 'is', null)
    .orderBy('device_faults.at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, deviceId: r.device_id, deviceLabel: r.label ?? '', kind: r.kind, detail: r.detail, at: r.at }));
}

export const deviceHealthRepository = Object.freeze({ markConnected, markDisconnected, listActiveDevices, insertFault, findFault, findOpenFaultOf, resolveFault, listOpenFaults });
