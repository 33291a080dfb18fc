/**
 * The wire contract: TypeBox schemas that validate requests on the server,
 * document the API as OpenAPI, and give the UIs their static types.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { OperatingCalendar } from './calendar-schemas.js';
import { AnnouncementLanguage, AnnouncementVoice } from './voice-clips.js';

export const Tier = Type.Union([Type.Literal('regular'), Type.Literal('priority'), Type.Literal('vip')], {
  description: 'regular; priority (elderly, disabled, pregnant); vip (valued customer, VIP lane)',
});
export type Tier = Static<typeof Tier>;
export const TIERS: readonly Tier[] = ['regular', 'priority', 'vip'];

export const TicketStatus = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('called'),
  Type.Literal('serving'),
  Type.Literal('done'),
  Type.Literal('no_show'),
  Type.Literal('cancelled'),
  Type.Literal('diverted'),
]);
export type TicketStatus = Static<typeof TicketStatus>;

export const MachineKind = Type.Union([Type.Literal('atm'), Type.Literal('self_service_terminal')], {
  description: 'atm: cash withdrawal and deposit; self_service_terminal: transfers, cards, statements',
});
export type MachineKind = Static<typeof MachineKind>;
export const MACHINE_KINDS: readonly MachineKind[] = ['atm', 'self_service_terminal'];

export const CounterStatus = Type.Union([Type.Literal('open'), Type.Literal('paused'), Type.Literal('closed')]);
export type CounterStatus = Static<typeof CounterStatus>;

/**
 * admin: every branch, or one; manager: the lobby manager and branch head; teller: a counter;
 * account_manager (客戶經理/理財經理): receives referrals of valued customers.
 */
export const Role = Type.Union([Type.Literal('admin'), Type.Literal('manager'), Type.Literal('teller'), Type.Literal('account_manager')]);
export type Role = Static<typeof Role>;
export const ROLES: readonly Role[] = ['admin', 'manager', 'teller', 'account_manager'];

export const LocalizedName = Type.Object({
  en: Type.String(),
  zhHant: Type.String(),
  zhHans: Type.String(),
});
export type LocalizedName = Static<typeof LocalizedName>;

/** The range of `issuesPerDevicePerMinute`: a kiosk in a loop must not use up a service's 999 numbers for the day. */
export const ISSUES_PER_DEVICE_PER_MINUTE = { min: 1, max: 600, default: 20 } as const;

/** When a called customer may be marked no-show: after this many recalls, or (when not 0) this many seconds after the last call. */
export const NO_SHOW_AFTER_RECALLS = { min: 0, max: 5, default: 1 } as const;
export const NO_SHOW_AFTER_SECONDS = { min: 0, max: 600, default: 0 } as const;

/**
 * 過號重排: what a no-show's customer who turns up late gets. after_n: back into the queue after
 * `lateArrivalAfterN` others of their lane (the usual penalty); at_end: behind everyone waiting;
 * not_allowed: a new ticket. Allowed within `lateArrivalWithinMinutes` of the no-show, the same business day.
 */
export const LateArrival = Type.Union([Type.Literal('after_n'), Type.Literal('at_end'), Type.Literal('not_allowed')]);
export type LateArrival = Static<typeof LateArrival>;
export const LATE_ARRIVAL_AFTER_N = { min: 0, max: 20, default: 3 } as const;
export const LATE_ARRIVAL_WITHIN_MINUTES = { min: 1, max: 480, default: 60 } as const;

/** Seconds a called customer may take to reach the counter before triage and the teller are told they have not come. */
export const ABSENT_ALERT_SECONDS = { min: 30, max: 600, default: 90 } as const;

/** Working days the branch has to reply to a complaint (weekends and the branch's holidays do not count). */
export const COMPLAINT_REPLY_WORKING_DAYS = { min: 1, max: 30, default: 2 } as const;

/**
 * How the kiosk's VIP step recognises a valued customer. trust: any card or customer number gets the
 * VIP lane (a branch without a list); registry: the number must be on the branch's customer resource sheet.
 */
export const VipRecognition = Type.Union([Type.Literal('trust'), Type.Literal('registry')]);
export type VipRecognition = Static<typeof VipRecognition>;

/** A business day as the branch's calendar writes it. */
/** The kiosk's self-service suggestion: the least estimated wait worth a machine (seconds). */
export const SELF_SERVICE_MIN_SAVING_SECONDS = { min: 0, max: 3600, default: 600 } as const;
/** Web Push and webhooks: "N people ahead of you". */
export const PUSH_AHEAD_COUNT = { min: 1, max: 20, default: 3 } as const;

export const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

/**
 * The items of the opening and closing checks besides the self-service machines (which are always
 * checked, one item each): ticket_machine, wall_displays, rating_pads, forms_and_pens,
 * notices_and_rates, hall_tidy, or the branch's own wording.
 */
export const DEFAULT_CHECKLIST_ITEMS = ['ticket_machine', 'wall_displays', 'rating_pads', 'forms_and_pens', 'notices_and_rates', 'hall_tidy'] as const;
export const ChecklistItem = Type.String({ minLength: 1, maxLength: 80 });

export const BranchSettings = Type.Object({
  regularCountersTakeVip: Type.Union(
    [Type.Literal('when_no_vip_counter'), Type.Literal('always'), Type.Literal('never')],
    { description: 'When a regular counter may call a VIP ticket' },
  ),
  maxCallsAheadOfOverdue: Type.Integer({
    minimum: 0,
    maximum: 20,
    description: 'Priority or VIP tickets a counter may call ahead of a regular ticket that waited past its target',
  }),
  amberWaitSeconds: Type.Integer({ minimum: 0, description: 'Longest wait that turns a queue amber' }),
  redWaitSeconds: Type.Integer({ minimum: 0, description: 'Longest wait that turns a queue red and alerts' }),
  issuesPerDevicePerMinute: Type.Integer({
    minimum: ISSUES_PER_DEVICE_PER_MINUTE.min,
    maximum: ISSUES_PER_DEVICE_PER_MINUTE.max,
    description:
      'Tickets one kiosk may issue per minute (1–600, default 20); more are refused with 429 DEVICE_RATE_LIMITED. Staff issuing for a customer are not limited',
  }),
  noShowAfterRecalls: Type.Integer({
    minimum: NO_SHOW_AFTER_RECALLS.min,
    maximum: NO_SHOW_AFTER_RECALLS.max,
    description: 'Recalls a called ticket needs before it may be marked no-show (0–5, default 1)',
  }),
  noShowAfterSeconds: Type.Integer({
    minimum: NO_SHOW_AFTER_SECONDS.min,
    maximum: NO_SHOW_AFTER_SECONDS.max,
    description: 'Or: seconds after its last call from which a ticket may be marked no-show without more recalls (0–600; 0: not used)',
  }),
  absentAlertSeconds: Type.Integer({
    minimum: ABSENT_ALERT_SECONDS.min,
    maximum: ABSENT_ALERT_SECONDS.max,
    description: 'Seconds after its last call from which a called customer not at the counter is an alert on triage and the counter page (30–600, default 90)',
  }),
  startOnCall: Type.Boolean({ description: 'A call puts the ticket straight into serving (the start is implied)' }),
  lateArrival: LateArrival,
  lateArrivalAfterN: Type.Integer({
    minimum: LATE_ARRIVAL_AFTER_N.min,
    maximum: LATE_ARRIVAL_AFTER_N.max,
    description: 'lateArrival after_n: waiting tickets of its lane a re-queued no-show goes behind (0–20, default 3)',
  }),
  lateArrivalWithinMinutes: Type.Integer({
    minimum: LATE_ARRIVAL_WITHIN_MINUTES.min,
    maximum: LATE_ARRIVAL_WITHIN_MINUTES.max,
    description: 'Minutes after a no-show (the same business day) within which it may be re-queued (1–480, default 60)',
  }),
  vipRecognition: VipRecognition,
  complaintReplyWorkingDays: Type.Integer({
    minimum: COMPLAINT_REPLY_WORKING_DAYS.min,
    maximum: COMPLAINT_REPLY_WORKING_DAYS.max,
    description: 'Working days to reply to a complaint (1–30, default 2); weekends and holidays do not count',
  }),
  holidays: Type.Array(IsoDate, { maxItems: 366, description: 'Days the branch is closed besides weekends (YYYY-MM-DD, branch time)' }),
  selfServiceMinSavingSeconds: Type.Integer({
    minimum: SELF_SERVICE_MIN_SAVING_SECONDS.min,
    maximum: SELF_SERVICE_MIN_SAVING_SECONDS.max,
    description: 'The kiosk suggests a self-service machine only when the estimated wait is at least this (seconds, 0–3600, default 600), and never to priority or VIP tickets',
  }),
  pushAheadCount: Type.Integer({
    minimum: PUSH_AHEAD_COUNT.min,
    maximum: PUSH_AHEAD_COUNT.max,
    description: 'A customer who allowed notifications is told when this many people are ahead (1–20, default 3)',
  }),
  publicUrl: Type.String({
    maxLength: 300,
    pattern: '^(https?://[^\\s]+)?$',
    description: "The branch's address as a customer's phone reaches it (https://…), for the ticket's QR code; empty: the kiosk's own address",
  }),
  checklistItems: Type.Array(ChecklistItem, {
    maxItems: 40,
    description: 'Opening and closing check items besides the self-service machines: the standard keys or the branch\'s own wording',
  }),
  /** The operating calendar (calendar-schemas.ts); absent: tickets at any hour, served whenever a counter is open. */
  calendar: Type.Optional(OperatingCalendar),
  /** How the wall display calls (protocol/voice-clips.ts). */
  announcementVoice: AnnouncementVoice,
  announcementLanguages: Type.Array(AnnouncementLanguage, {
    minItems: 1,
    maxItems: 3,
    uniqueItems: true,
    description: "The languages the hall hears for each call, in order (default cmn, en; a zh-HK branch's default yue, en)",
  }),
});
export type BranchSettings = Static<typeof BranchSettings>;

export const Branch = Type.Object({
  id: Id,
  name: LocalizedName,
  timeZone: Type.String(),
  defaultLocale: Type.Union([Type.Literal('zh-Hant'), Type.Literal('zh-HK'), Type.Literal('zh-Hans'), Type.Literal('en')]),
  settings: BranchSettings,
});
export type Branch = Static<typeof Branch>;

export const Service = Type.Object({
  id: Id,
  branchId: Id,
  prefix: Type.String({ pattern: '^[A-Z]$' }),
  name: LocalizedName,
  selfServiceKind: Nullable(MachineKind),
  targetWaitSeconds: Type.Integer(),
  defaultServiceSeconds: Type.Integer(),
  icon: Type.String(),
  sortOrder: Type.Integer(),
});
export type Service = Static<typeof Service>;

/** Why a counter is paused: 午膳 lunch, 培訓 training, 業務處理 back-office work, or another reason. */
export const PauseReason = Type.Union([Type.Literal('lunch'), Type.Literal('training'), Type.Literal('back_office'), Type.Literal('other')]);
export type PauseReason = Static<typeof PauseReason>;
export const PAUSE_REASONS: readonly PauseReason[] = ['lunch', 'training', 'back_office', 'other'];

export const Counter = Type.Object({
  id: Id,
  branchId: Id,
  number: Type.Integer(),
  vip: Type.Boolean(),
  lowCounter: Type.Boolean({ description: 'A seated counter for non-cash business' }),
  serviceIds: Type.Array(Id),
  status: CounterStatus,
  tellerId: Nullable(Id),
  tellerName: Nullable(Type.String()),
  currentTicketId: Nullable(Id),
  statusChangedAt: Timestamp,
  /** Why the counter is paused; null when it is not. */
  pauseReason: Type.Optional(Nullable(PauseReason)),
});
export type Counter = Static<typeof Counter>;

export const Machine = Type.Object({
  id: Id,
  branchId: Id,
  kind: MachineKind,
  /** A short label for staff lists (kept for older clients): the English name. */
  label: Type.String(),
  /** The name customers read, in each language (自動櫃員機 1 / 自动柜员机 1 / ATM 1), like a service's; the server always sends it (absent only from an older server). */
  name: Type.Optional(LocalizedName),
  inService: Type.Boolean(),
  /** Why it is out of service, when someone marked it faulty (a check, the admin page); null otherwise. */
  faultNote: Type.Optional(Nullable(Type.String())),
});
export type Machine = Static<typeof Machine>;

export const Ticket = Type.Object({
  id: Id,
  branchId: Id,
  number: Type.String({ description: 'Service prefix and three digits, e.g. A023' }),
  serviceId: Id,
  tier: Tier,
  status: TicketStatus,
  issuedAt: Timestamp,
  /**
   * Its place in the queue when a re-queue (過號重排) moved it; absent: `issuedAt`. The call rules,
   * positions and lists order by it; the customer's wait is still counted from `issuedAt`.
   */
  queuedAt: Type.Optional(Timestamp),
  calledAt: Nullable(Timestamp),
  startedAt: Nullable(Timestamp),
  endedAt: Nullable(Timestamp),
  counterId: Nullable(Id),
  callCount: Type.Integer(),
  divertedTo: Nullable(MachineKind),
  position: Type.Optional(Type.Integer({ description: 'People ahead under the call rules (waiting tickets only)' })),
  estimatedWaitSeconds: Type.Optional(Type.Integer()),
  /** When the customer said on their phone that they are on their way (absent: never, or not since the last call). */
  onMyWayAt: Type.Optional(Timestamp),
});
export type Ticket = Static<typeof Ticket>;

/**
 * Whether a ticket for a service can be taken now and served, under the branch's calendar and its
 * counters (the server decides; screens only show it):
 * - open: tickets are issued and a counter serves the service now;
 * - opens_later: tickets are issued but no counter serves it before `servedFrom` (before opening, at lunch);
 * - no_counter: tickets are issued in opening hours, but no counter serves it now and none is planned;
 * - not_issuing_yet: before today's issuing window: `nextOpeningAt`;
 * - cut_off: past today's cut-off (取號截止) or closing: `nextOpeningAt` is the next day's opening;
 * - quota_reached: today's quota (限號) is used up;
 * - closed_today: a holiday, a closed weekday or special day.
 */
export const ServiceOpening = Type.Union([
  Type.Literal('open'),
  Type.Literal('opens_later'),
  Type.Literal('no_counter'),
  Type.Literal('not_issuing_yet'),
  Type.Literal('cut_off'),
  Type.Literal('quota_reached'),
  Type.Literal('closed_today'),
]);
export type ServiceOpening = Static<typeof ServiceOpening>;

export const QueueSummary = Type.Object({
  serviceId: Id,
  waitingCount: Type.Integer(),
  longestWaitSeconds: Type.Integer(),
  estimatedWaitSeconds: Type.Integer({
    description:
      'Seconds from now until a ticket issued now is likely called: a VIP ticket for a service only VIP counters serve, else a regular one. opens_later: it includes the time until `servedFrom`. no_counter: the wait if a counter opened now, a lower bound and no promise (screens say that no counter serves the service)',
  }),
  openCounters: Type.Integer(),
  opening: Type.Optional(ServiceOpening),
  /** opens_later: when the first counter is planned to serve the service (the branch's calendar). */
  servedFrom: Type.Optional(Nullable(Timestamp)),
  /** Closed states: when tickets are issued next. */
  nextOpeningAt: Type.Optional(Nullable(Timestamp)),
  /** Today's last moment to take a ticket (取號截止), when the service has one. */
  cutOffAt: Type.Optional(Nullable(Timestamp)),
  /** Tickets still to issue today under the service's daily quota (限號); null: no quota. */
  quotaLeft: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  /**
   * Public screens: whether the kiosk may suggest the service's self-service machine to a regular
   * customer (a machine of its kind is in service and the estimate is at least the branch's
   * `selfServiceMinSavingSeconds`). Never for priority or VIP tickets.
   */
  suggestSelfService: Type.Optional(Type.Boolean()),
  /**
   * The service is served only by VIP counters: its figures are a VIP newcomer's. VIP waits are
   * not shown in the hall: public snapshots and events carry 0 for its waits (and no suggestion),
   * so a public screen shows no wait for a queue with this flag.
   */
  vipOnly: Type.Optional(Type.Literal(true)),
});
export type QueueSummary = Static<typeof QueueSummary>;

export const RecentCall = Type.Object({
  ticketId: Id,
  number: Type.String(),
  serviceId: Id,
  counterId: Id,
  counterNumber: Type.Integer(),
  at: Timestamp,
  recall: Type.Boolean(),
});
export type RecentCall = Static<typeof RecentCall>;

/** Who a snapshot is for: staff see every active ticket; the hall's kiosks and displays only the tickets at a counter. */
export const Audience = Type.Union([Type.Literal('staff'), Type.Literal('public')]);
export type Audience = Static<typeof Audience>;

/** How long the lobby manager's screen keeps a throttle alert after the kiosk's last refused ticket. */
export const THROTTLE_ALERT_MINUTES = 15;

/** A kiosk refused tickets for issuing faster than the branch's `issuesPerDevicePerMinute` (staff only). */
export const ThrottleAlert = Type.Object({
  deviceId: Id,
  deviceLabel: Type.String({ description: 'The name the admin gave the kiosk' }),
  refused: Type.Integer({ description: 'Tickets refused since `since`' }),
  since: Timestamp,
  lastAt: Timestamp,
});
export type ThrottleAlert = Static<typeof ThrottleAlert>;

export const Snapshot = Type.Object({
  seq: Type.Integer({ description: 'The branch event sequence number this snapshot reflects' }),
  audience: Audience,
  at: Timestamp,
  branch: Branch,
  services: Type.Array(Service),
  counters: Type.Array(Counter),
  machines: Type.Array(Machine),
  queues: Type.Array(QueueSummary),
  tickets: Type.Array(Ticket, { description: 'staff: waiting, called and serving tickets; public: called and serving tickets only' }),
  recentCalls: Type.Array(RecentCall),
  noShows: Type.Optional(Type.Array(Ticket, { description: "staff only: today's no-shows, newest first (at most 50), for re-queueing a late customer" })),
  throttleAlerts: Type.Optional(
    Type.Array(ThrottleAlert, { description: `staff only: kiosks refused tickets for issuing too fast in the last ${THROTTLE_ALERT_MINUTES} minutes, newest first` }),
  ),
});
export type Snapshot = Static<typeof Snapshot>;

export const User = Type.Object({
  id: Id,
  username: Type.String(),
  displayName: Type.String(),
  role: Role,
  branchId: Nullable(Id),
});
export type User = Static<typeof User>;

// ── requests ───────────────────────────────────────────────────────────

export const BranchParams = Type.Object({ branchId: Id });
export const CounterParams = Type.Object({ counterId: Id });
export const TicketParams = Type.Object({ ticketId: Id });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const LoginReply = Type.Object({ token: Type.String(), user: User });
export type LoginReply = Static<typeof LoginReply>;

export const IssueTicketBody = Type.Object(
  {
    serviceId: Id,
    tier: Type.Optional(Tier),
    customerRef: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Card or customer number' })),
  },
  { additionalProperties: false },
);
export type IssueTicketBody = Static<typeof IssueTicketBody>;

export const OpenCounterBody = Type.Object(
  { tellerId: Type.Optional(Id) },
  { additionalProperties: false, description: 'A manager may name the teller; a teller opens the counter for themself' },
);
export type OpenCounterBody = Static<typeof OpenCounterBody>;

export const TransferBody = Type.Object({ serviceId: Id }, { additionalProperties: false });
export const PauseCounterBody = Type.Object({ reason: Type.Optional(PauseReason) }, { additionalProperties: false, description: 'Why the counter pauses (default other)' });
export const CallTicketBody = Type.Object({ ticketId: Id }, { additionalProperties: false, description: 'The waiting ticket the teller calls by its number (指定叫號)' });
export const DivertBody = Type.Object({ machineKind: MachineKind }, { additionalProperties: false });
export const TierBody = Type.Object({ tier: Tier }, { additionalProperties: false });

export const DiversionBody = Type.Object({ serviceId: Id, machineKind: MachineKind }, { additionalProperties: false });
export type DiversionBody = Static<typeof DiversionBody>;

export const DeviceParams = Type.Object({ branchId: Id, deviceId: Id });

/** The minutes a manager's bulk cancel of one kiosk's tickets reaches back. */
const SinceMinutes = Type.Integer({ minimum: 1, maximum: 240, description: 'Tickets issued in the last this many minutes (1–240)' });
export const DeviceTicketsQuery = Type.Object({ sinceMinutes: SinceMinutes });
export const CancelDeviceTicketsBody = Type.Object({ sinceMinutes: SinceMinutes }, { additionalProperties: false });
export const DeviceTicketCount = Type.Object({ count: Type.Integer({ description: 'Waiting tickets the kiosk issued in that time' }) });
export const CancelledDeviceTickets = Type.Object({ cancelled: Type.Integer({ description: 'Tickets cancelled' }) });

/** What the customer's phone shows for a ticket (the QR code on the ticket opens it). */
export const PublicTicket = Type.Object({
  ticket: Ticket,
  service: Service,
  branchName: LocalizedName,
  counterNumber: Nullable(Type.Integer()),
  /** The branch's IANA time zone: the phone shows times as the branch's clock reads them. */
  timeZone: Type.Optional(Type.String()),
  /** The ticket's service when it is not served now (its queue summary's opening fields); absent: open. */
  opening: Type.Optional(Type.Pick(QueueSummary, ['opening', 'servedFrom', 'nextOpeningAt'])),
});
export type PublicTicket = Static<typeof PublicTicket>;
