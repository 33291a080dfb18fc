/**
 * The rules of the opening and closing checks (營業前 / 營業後檢查), of machine faults and of the
 * triage screen's hall alerts. Pure: plain data in, plain data out.
 */
import type { CheckAnswer, ChecklistEntry } from '../../../protocol/check-routes.js';
import { OFFLINE_AFTER_SECONDS } from '../../../protocol/check-routes.js';
import type { Machine, MachineKind } from '../../../protocol/schemas.js';
import { AppError } from '../errors.js';

/** The day's checklist: the branch's own items, then one item per self-service machine (by kind and label). */
export function checklistOf(settingsItems: readonly string[], machines: readonly Pick<Machine, 'id' | 'kind' | 'label'>[]): ChecklistEntry[] {
  return [
    ...settingsItems.map((item) => ({ item, machineId: null, machineKind: null })),
    ...machines.map((m) => ({ item: m.label, machineId: m.id, machineKind: m.kind })),
  ];
}

const keyOf = (entry: { item: string; machineId?: string | null }) => (entry.machineId ? `machine:${entry.machineId}` : `item:${entry.item}`);

/**
 * A check as submitted, answered against the day's checklist: every item exactly once, in the
 * checklist's order, a fault with a note. Returns the answers to store (notes trimmed; an OK item
 * keeps no note), or throws VALIDATION_FAILED naming the first problem.
 */
export function answeredCheck(checklist: readonly ChecklistEntry[], answers: readonly CheckAnswer[]): CheckAnswer[] {
  const byKey = new Map<string, CheckAnswer>();
  for (const [i, answer] of answers.entries()) {
    const key = keyOf(answer);
    if (byKey.has(key)) throw invalid(`body/items/${i}: ${answer.item} is answered twice`);
    if (!checklist.some((entry) => keyOf(entry) === key)) throw invalid(`body/items/${i}: ${answer.item} is not on today's checklist`);
    byKey.set(key, answer);
  }
  return checklist.map((entry) => {
    const answer = byKey.get(keyOf(entry));
    if (!answer) throw invalid(`body/items: ${entry.item} is not answered`);
    const note = answer.note?.trim() || null;
    if (!answer.ok && !note) throw invalid(`body/items: ${entry.item} is a fault: say what is wrong in its note`);
    return { item: entry.item, machineId: entry.machineId, ok: answer.ok, note: answer.ok ? null : note };
  });
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', message);

export interface MachineChanges {
  /** Machines the check found faulty: out of service with this note (a new note replaces the old). */
  faulty: { machineId: string; note: string }[];
  /** Machines out of service that the check found working: back in service. */
  fixed: string[];
}

/** What a check changes about the machines it checked. */
export function machineChangesOf(
  answers: readonly CheckAnswer[],
  machines: readonly Pick<Machine, 'id' | 'inService' | 'faultNote'>[],
): MachineChanges {
  const changes: MachineChanges = { faulty: [], fixed: [] };
  for (const answer of answers) {
    const machine = answer.machineId ? machines.find((m) => m.id === answer.machineId) : undefined;
    if (!machine) continue;
    if (!answer.ok) {
      const note = answer.note ?? '';
      if (machine.inService || machine.faultNote !== note) changes.faulty.push({ machineId: machine.id, note });
    } else if (!machine.inService) {
      changes.fixed.push(machine.id);
    }
  }
  return changes;
}

/**
 * Divert only to a kind of machine that works: refused when the branch lists machines of that kind
 * and none is in service. A branch that lists none has not told us about its machines, so it may.
 */
export function assertMachineKindInService(machines: readonly Pick<Machine, 'kind' | 'inService' | 'label'>[], kind: MachineKind): void {
  const ofKind = machines.filter((m) => m.kind === kind);
  if (ofKind.length > 0 && !ofKind.some((m) => m.inService)) {
    throw new AppError('INVALID_TRANSITION', `no ${kind} is in service: ${ofKind.map((m) => m.label).join(', ')} out of service`);
  }
}

/** Saturday or Sunday, or one of the branch's closed days. */
export function isClosedDay(businessDay: string, holidays: readonly string[]): boolean {
  const weekday = new Date(`${businessDay}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 || holidays.includes(businessDay);
}

/**
 * Whether the triage screen may stop asking for today's opening check: it is done, or today is a
 * closed day on which nobody has taken a ticket (a branch open on a Saturday is asked once customers come).
 */
export function openingCheckSettled(day: { openingCheckDone: boolean; closedDay: boolean; ticketsToday: number }): boolean {
  return day.openingCheckDone || (day.closedDay && day.ticketsToday === 0);
}

/**
 * Whether the hall is open, for device health (the branch keeps no opening hours): from the opening
 * check or the day's first ticket, whichever came first, until the closing check.
 */
export function hallOpen(day: { openingCheckAt: string | null; firstTicketAt: string | null; closingCheckAt: string | null }): boolean {
  const opened = day.openingCheckAt !== null || day.firstTicketAt !== null;
  return opened && day.closingCheckAt === null;
}

export interface DevicePresenceRow {
  id: string;
  kind: 'kiosk' | 'display';
  label: string;
  lastConnectedAt: string | null;
  lastDisconnectedAt: string | null;
}

/**
 * When a device not connected now went away: its last disconnection; or, when the server stopped
 * before the socket closed (the row says connected), the server's start; null when it never connected.
 */
export function offlineSince(device: DevicePresenceRow, serverStartedAt: string): string | null {
  const { lastConnectedAt: on, lastDisconnectedAt: off } = device;
  if (on === null) return off;
  if (off !== null && off >= on) return off;
  return on > serverStartedAt ? on : serverStartedAt;
}

/** The devices away for longer than OFFLINE_AFTER_SECONDS at `now` (never connected ones included). */
export function offlineDevices(
  devices: readonly DevicePresenceRow[],
  connected: ReadonlySet<string>,
  serverStartedAt: string,
  now: Date,
): { id: string; kind: 'kiosk' | 'display'; label: string; offlineSince: string | null }[] {
  return devices.flatMap((device) => {
    if (connected.has(device.id)) return [];
    const since = offlineSince(device, serverStartedAt);
    if (since !== null && now.getTime() - Date.parse(since) <= OFFLINE_AFTER_SECONDS * 1000) return [];
    return [{ id: device.id, kind: device.kind, label: device.label, offlineSince: since }];
  });
}
