/** Rows to wire objects (protocol/schemas.ts). */
import type { BranchRow, CounterRow, MachineRow, ServiceRow, TicketRow, UserRow } from '../../../db/schema.js';
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

export const DEFAULT_SETTINGS: BranchSettings = {
  regularCountersTakeVip: 'when_no_vip_counter',
  maxCallsAheadOfOverdue: 2,
  amberWaitSeconds: 600,
  redWaitSeconds: 900,
};

export function toBranch(row: BranchRow): Branch {
  return {
    id: row.id,
    name: { en: row.name_en, zhHant: row.name_zh_hant, zhHans: row.name_zh_hans },
    timeZone: row.time_zone,
    defaultLocale: row.default_locale as Branch['defaultLocale'],
    settings: { ...DEFAULT_SETTINGS, ...(JSON.parse(row.settings) as Partial<BranchSettings>) },
  };
}

export function toService(row: ServiceRow): Service {
  return {
    id: row.id,
    branchId: row.branch_id,
    prefix: row.prefix,
    name: { en: row.name_en, zhHant: row.name_zh_hant, zhHans: row.name_zh_hans },
    selfServiceKind: row.self_service_kind as MachineKind | null,
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
    status: row.status as CounterStatus,
    tellerId: row.teller_id,
    tellerName,
    currentTicketId: row.current_ticket_id,
    statusChangedAt: row.status_changed_at,
  };
}

export function toMachine(row: MachineRow): Machine {
  return { id: row.id, branchId: row.branch_id, kind: row.kind as MachineKind, label: row.label, inService: row.in_service === 1 };
}

/** The ticket as screens see it. The customer reference is personal data and never leaves the server. */
export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    branchId: row.branch_id,
    number: row.number,
    serviceId: row.service_id,
    tier: row.tier as Tier,
    status: row.status as TicketStatus,
    issuedAt: row.issued_at,
    calledAt: row.called_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    counterId: row.counter_id,
    callCount: row.call_count,
    divertedTo: row.diverted_to as MachineKind | null,
  };
}

export function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, branchId: row.branch_id };
}
