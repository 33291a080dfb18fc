/** Rows to wire objects (protocol/schemas.ts, protocol/admin-schemas.ts). */
import type { Selectable } from 'kysely';
import { toWireTicket, type TicketRecord } from '../domain/branch-state.js';
import { defaultAnnouncementLanguages } from '../domain/announcement-defaults.js';
import type { BranchRow, CounterRow, DeviceTokenTable, MachineRow, ServiceRow, TicketRow, UserRow } from '../../../db/schema.js';
import type { DeviceKind, DeviceToken } from '../../../protocol/admin-schemas.js';
import type {
  Branch,
  BranchSettings,
  Counter,
  CounterStatus,
  Machine,
  MachineKind,
  Role,
  Service,
  Ticket,
  TicketStatus,
  Tier,
  User,
} from '../../../protocol/schemas.js';
import {
  ABSENT_ALERT_SECONDS,
  COMPLAINT_REPLY_WORKING_DAYS,
  DEFAULT_CHECKLIST_ITEMS,
  ISSUES_PER_DEVICE_PER_MINUTE,
  LATE_ARRIVAL_AFTER_N,
  LATE_ARRIVAL_WITHIN_MINUTES,
  NO_SHOW_AFTER_RECALLS,
  NO_SHOW_AFTER_SECONDS,
  PUSH_AHEAD_COUNT,
  SELF_SERVICE_MIN_SAVING_SECONDS,
} from '../../../protocol/schemas.js';

export const DEFAULT_SETTINGS: BranchSettings = {
  regularCountersTakeVip: 'when_no_vip_counter',
  maxCallsAheadOfOverdue: 2,
  amberWaitSeconds: 600,
  redWaitSeconds: 900,
  issuesPerDevicePerMinute: ISSUES_PER_DEVICE_PER_MINUTE.default,
  noShowAfterRecalls: NO_SHOW_AFTER_RECALLS.default,
  noShowAfterSeconds: NO_SHOW_AFTER_SECONDS.default,
  absentAlertSeconds: ABSENT_ALERT_SECONDS.default,
  startOnCall: false,
  lateArrival: 'after_n',
  lateArrivalAfterN: LATE_ARRIVAL_AFTER_N.default,
  lateArrivalWithinMinutes: LATE_ARRIVAL_WITHIN_MINUTES.default,
  vipRecognition: 'trust',
  complaintReplyWorkingDays: COMPLAINT_REPLY_WORKING_DAYS.default,
  holidays: [],
  checklistItems: [...DEFAULT_CHECKLIST_ITEMS],
  selfServiceMinSavingSeconds: SELF_SERVICE_MIN_SAVING_SECONDS.default,
  pushAheadCount: PUSH_AHEAD_COUNT.default,
  publicUrl: '',
  announcementVoice: 'builtin',
  announcementLanguages: ['cmn', 'en'],
};

export function toBranch(row: BranchRow): Branch {
  return {
    id: row.id,
    name: { en: row.name_en, zhHant: row.name_zh_hant, zhHans: row.name_zh_hans },
    timeZone: row.time_zone,
    defaultLocale: row.default_locale as Branch['defaultLocale'],
    // A Hong Kong branch hears Cantonese (櫃位) unless it chose otherwise.
    settings: {
      ...DEFAULT_SETTINGS,
      announcementLanguages: defaultAnnouncementLanguages(row.default_locale),
      ...(JSON.parse(row.settings) as Partial<BranchSettings>),
    },
  };
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    branchId: row.branch_id,
    prefix: row.prefix,
    name: { en: row.name_en, zhHant: row.name_zh_hant, zhHans: row.name_zh_hans },
    selfServiceKind: row.self_service_kind,
    targetWaitSeconds: row.target_wait_seconds,
    defaultServiceSeconds: row.default_service_seconds,
    icon: row.icon,
    sortOrder: row.sort_order,
  };
}

export function toCounter(row: CounterRow, serviceIds: string[], tellerName: string | null): Counter {
  return {
    id: row.id,
    branchId: row.branch_id,
    number: row.number,
    vip: row.vip === 1,
    lowCounter: row.low_counter === 1,
    serviceIds,
    status: row.status,
    tellerId: row.teller_id,
    tellerName,
    currentTicketId: row.current_ticket_id,
    statusChangedAt: row.status_changed_at,
    pauseReason: row.pause_reason,
  };
}

export function toMachine(row: MachineRow): Machine {
  // `label` is the English name; a machine never named in Chinese (added by an older client) shows its label.
  const name = { en: row.label, zhHant: row.name_zh_hant || row.label, zhHans: row.name_zh_hans || row.label };
  return { id: row.id, branchId: row.branch_id, kind: row.kind, label: row.label, name, inService: row.in_service === 1, faultNote: row.fault_note };
}

/** The ticket as the server holds it, personal data included. */
export function toTicketRecord(row: TicketRow): TicketRecord {
  return {
    id: row.id,
    branchId: row.branch_id,
    number: row.number,
    serviceId: row.service_id,
    tier: row.tier,
    status: row.status,
    issuedAt: row.issued_at,
    // Absent rather than null: most tickets were never re-queued, and the wire leaves it out.
    ...(row.queued_at ? { queuedAt: row.queued_at } : {}),
    ...(row.on_my_way_at ? { onMyWayAt: row.on_my_way_at } : {}),
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    counterId: row.counter_id,
    callCount: row.call_count,
    divertedTo: row.diverted_to,
    businessDay: row.business_day,
    customerRef: row.customer_ref,
    customerId: row.customer_id,
    issuedBy: row.issued_by,
    issuedByDevice: row.issued_by_device,
    issueEstimateSeconds: row.issue_estimate_seconds,
  };
}

/** The ticket as screens see it. The customer reference is personal data and never leaves the server. */
export const toTicket = (row: TicketRow): Ticket => toWireTicket(toTicketRecord(row));

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, branchId: row.branch_id };
}

/** Never includes the token hash. `device_tokens.kind` is plain text in db/schema.ts, hence the one cast. */
export const toDeviceToken = (row: Selectable<DeviceTokenTable>): DeviceToken => ({
  id: row.id,
  branchId: row.branch_id,
  kind: row.kind,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
