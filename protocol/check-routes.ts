/**
 * The opening and closing checks (營業前 / 營業後檢查), machine faults, and the triage screen's hall
 * alerts, as one route table: the server registers these routes from it
 * (server/src/routes/records/checks.ts) and the staff console calls them through `ApiClient.call`.
 * Checks and alerts hold no personal data: machines, devices, counts and ticket numbers only.
 */
import { Type, type Static } from '@sinclair/typebox';
import { CheckKind, DeviceFaultKind } from './record-kinds.js';
import { defineRoute } from './route-kit.js';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { BranchParams, ChecklistItem, IsoDate, Machine, MachineKind } from './schemas.js';

/** Longest note on a faulty item or machine. */
export const FAULT_NOTE_LENGTH = 200;

const FaultNote = Type.String({ minLength: 1, maxLength: FAULT_NOTE_LENGTH, description: 'What is wrong (required for a fault)' });

/** One item of a day's checklist: a branch setting's item, or one self-service machine. */
export const ChecklistEntry = Type.Object({
  item: ChecklistItem,
  /** The machine this item checks; null for the branch's own items. */
  machineId: Nullable(Id),
  machineKind: Nullable(MachineKind),
});
export type ChecklistEntry = Static<typeof ChecklistEntry>;

/** How one item was found: OK, or a fault with a note. */
export const CheckAnswer = Type.Object(
  {
    item: ChecklistItem,
    machineId: Type.Optional(Nullable(Id)),
    ok: Type.Boolean(),
    note: Type.Optional(Nullable(Type.String({ maxLength: FAULT_NOTE_LENGTH }))),
  },
  { additionalProperties: false },
);
export type CheckAnswer = Static<typeof CheckAnswer>;

export const HallCheck = Type.Object({
  id: Id,
  branchId: Id,
  businessDay: IsoDate,
  kind: CheckKind,
  items: Type.Array(CheckAnswer),
  checkedBy: Id,
  /** The display name of who checked (staff, not a customer). */
  checkedByName: Type.String(),
  checkedAt: Timestamp,
});
export type HallCheck = Static<typeof HallCheck>;

export const TodaysChecks = Type.Object({
  businessDay: IsoDate,
  /** What today's checks must answer, in order. */
  checklist: Type.Array(ChecklistEntry),
  opening: Nullable(HallCheck),
  closing: Nullable(HallCheck),
});
export type TodaysChecks = Static<typeof TodaysChecks>;

export const SubmitCheckBody = Type.Object(
  { items: Type.Array(CheckAnswer, { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false, description: "Every item of today's checklist, each OK or a fault with a note" },
);
export type SubmitCheckBody = Static<typeof SubmitCheckBody>;

export const CheckKindParams = Type.Object({ branchId: Id, kind: CheckKind });

export const ChecksMonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, branch calendar' }) },
  { additionalProperties: false },
);

export const MonthOfChecks = Type.Object({ month: Type.String(), checks: Type.Array(HallCheck) });
export type MonthOfChecks = Static<typeof MonthOfChecks>;

export const MachineParams = Type.Object({ branchId: Id, machineId: Id });

export const MachineFaultBody = Type.Object({ note: FaultNote }, { additionalProperties: false });
export type MachineFaultBody = Static<typeof MachineFaultBody>;

// ── hall alerts (the triage screen's alert bar) ──

/** Seconds a kiosk or display may be without its live socket before the triage screen says so. */
export const OFFLINE_AFTER_SECONDS = 60;

export const FaultyMachine = Type.Object({ id: Id, label: Type.String(), kind: MachineKind, faultNote: Nullable(Type.String()) });
export type FaultyMachine = Static<typeof FaultyMachine>;

export const OfflineDevice = Type.Object({
  id: Id,
  kind: Type.Union([Type.Literal('kiosk'), Type.Literal('display')]),
  label: Type.String(),
  /** Since when it has been away; null when it never connected. */
  offlineSince: Nullable(Timestamp),
});
export type OfflineDevice = Static<typeof OfflineDevice>;

export const DeviceFault = Type.Object({
  id: Id,
  deviceId: Id,
  deviceLabel: Type.String(),
  kind: DeviceFaultKind,
  detail: Nullable(Type.String()),
  at: Timestamp,
});
export type DeviceFault = Static<typeof DeviceFault>;

export const ValuedCustomerWaiting = Type.Object({ ticketId: Id, number: Type.String(), tier: Type.String({ description: 'vip, valued or potential: never a name' }) });
export type ValuedCustomerWaiting = Static<typeof ValuedCustomerWaiting>;

export const HallAlerts = Type.Object({
  businessDay: IsoDate,
  /** False only on a business day whose opening check is not done yet. */
  openingCheckDone: Type.Boolean(),
  /** Complaints open or reopened past their reply deadline. */
  overdueComplaints: Type.Integer({ minimum: 0 }),
  faultyMachines: Type.Array(FaultyMachine),
  /** Kiosks and displays away for more than OFFLINE_AFTER_SECONDS while the hall is open. */
  offlineDevices: Type.Array(OfflineDevice),
  /** Unresolved print failures and paper-outs, newest first. */
  deviceFaults: Type.Array(DeviceFault),
  valuedCustomersWaiting: Type.Array(ValuedCustomerWaiting),
});
export type HallAlerts = Static<typeof HallAlerts>;

export const checkRoutes = {
  today: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/checks/today',
    summary: "Today's checklist and its opening and closing checks, if done (managers)",
    tags: ['records'],
    params: BranchParams,
    response: { 200: TodaysChecks },
  }),
  submit: defineRoute({
    method: 'PUT',
    path: '/api/branches/:branchId/checks/today/:kind',
    summary: "Records today's opening or closing check (again replaces it); faulty machines go out of service, machines found OK come back (managers)",
    tags: ['records'],
    params: CheckKindParams,
    body: SubmitCheckBody,
    response: { 200: HallCheck },
  }),
  month: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/checks',
    summary: 'The checks of one month, newest first (managers)',
    tags: ['records'],
    params: BranchParams,
    querystring: ChecksMonthQuery,
    response: { 200: MonthOfChecks },
  }),
  machineFault: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/machines/:machineId/fault',
    summary: 'Marks a self-service machine faulty: out of service at once, with a note (managers)',
    tags: ['records'],
    params: MachineParams,
    body: MachineFaultBody,
    response: { 200: Machine },
  }),
  machineFixed: defineRoute({
    method: 'POST',
    path: '/api/branches/:branchId/machines/:machineId/fixed',
    summary: 'Marks a self-service machine fixed: back in service (managers)',
    tags: ['records'],
    params: MachineParams,
    response: { 200: Machine },
  }),
  hallAlerts: defineRoute({
    method: 'GET',
    path: '/api/branches/:branchId/hall-alerts',
    summary: "What the triage screen's alert bar shows besides the queues: the opening check, overdue complaints, faulty machines, devices offline or failing to print, valued customers waiting (managers; no personal data)",
    tags: ['records'],
    params: BranchParams,
    response: { 200: HallAlerts },
  }),
} as const;
