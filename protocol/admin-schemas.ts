/**
 * The branch administration API (`/api/branches/:branchId/admin/...`): what admins and lobby
 * managers send to configure services, counters, machines, staff, device tokens and the branch,
 * and what admins send to open branches (`/api/admin/branches`). Bodies are strict; limits here
 * are the product's limits and the admin page checks the same ones.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Id, Nullable, Timestamp } from './schema-kit.js';
import { LATE_ARRIVAL_AFTER_N, LATE_ARRIVAL_WITHIN_MINUTES } from './schemas.js';
export { fillPath, type ParamsOf } from './route-kit.js';
import { ABSENT_ALERT_SECONDS, BranchSettings, Counter, ISSUES_PER_DEVICE_PER_MINUTE, MachineKind, NO_SHOW_AFTER_RECALLS, NO_SHOW_AFTER_SECONDS, Role, Service, User } from './schemas.js';

const strict = { additionalProperties: false } as const;
/** A PATCH must change something. */
const patch = { additionalProperties: false, minProperties: 1 } as const;

/** Limits shared by the server's schemas and the admin page's checks. */
export const ADMIN_LIMITS = {
  nameLength: 80,
  labelLength: 60,
  iconLength: 16,
  targetWaitSeconds: { min: 60, max: 4 * 3600 },
  defaultServiceSeconds: { min: 30, max: 2 * 3600 },
  sortOrder: { min: 0, max: 999 },
  counterNumber: { min: 1, max: 999 },
  usernamePattern: '^[A-Za-z0-9._-]{2,64}$',
  displayNameLength: 80,
  passwordLength: { min: 8, max: 256 },
  waitThresholdSeconds: { min: 0, max: 4 * 3600 },
  maxCallsAheadOfOverdue: { min: 0, max: 20 },
  issuesPerDevicePerMinute: { min: ISSUES_PER_DEVICE_PER_MINUTE.min, max: ISSUES_PER_DEVICE_PER_MINUTE.max },
  noShowAfterRecalls: { min: NO_SHOW_AFTER_RECALLS.min, max: NO_SHOW_AFTER_RECALLS.max },
  noShowAfterSeconds: { min: NO_SHOW_AFTER_SECONDS.min, max: NO_SHOW_AFTER_SECONDS.max },
  absentAlertSeconds: { min: ABSENT_ALERT_SECONDS.min, max: ABSENT_ALERT_SECONDS.max },
  lateArrivalAfterN: { min: LATE_ARRIVAL_AFTER_N.min, max: LATE_ARRIVAL_AFTER_N.max },
  lateArrivalWithinMinutes: { min: LATE_ARRIVAL_WITHIN_MINUTES.min, max: LATE_ARRIVAL_WITHIN_MINUTES.max },
  branchIdPattern: '^[a-z0-9-]{2,32}$',
  timeZoneLength: 64,
} as const;

const L = ADMIN_LIMITS;
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Seconds = (range: { min: number; max: number }, description: string) =>
  Type.Integer({ minimum: range.min, maximum: range.max, description });

export const AdminLocalizedName = Type.Object(
  { en: Text(L.nameLength), zhHant: Text(L.nameLength), zhHans: Text(L.nameLength) },
  strict,
);

// ── services ───────────────────────────────────────────────────────────

/** A service as the admin sees it: inactive ones too, since old tickets still name them. */
export const AdminService = Type.Composite([Service, Type.Object({ active: Type.Boolean() })]);
export type AdminService = Static<typeof AdminService>;

const serviceFields = {
  prefix: Type.String({ pattern: '^[A-Z]$', description: 'One capital letter, unique in the branch: A023' }),
  name: AdminLocalizedName,
  selfServiceKind: Nullable(MachineKind),
  targetWaitSeconds: Seconds(L.targetWaitSeconds, 'Wait the branch aims for; past it a regular ticket is overdue'),
  defaultServiceSeconds: Seconds(L.defaultServiceSeconds, 'Typical time at the counter, until history says otherwise'),
  icon: Type.String({ maxLength: L.iconLength, description: 'An emoji shown on the kiosk tile' }),
  sortOrder: Type.Integer({ minimum: L.sortOrder.min, maximum: L.sortOrder.max }),
};

export const CreateServiceBody = Type.Object(
  { ...serviceFields, icon: Type.Optional(serviceFields.icon), sortOrder: Type.Optional(serviceFields.sortOrder) },
  strict,
);
export type CreateServiceBody = Static<typeof CreateServiceBody>;

export const UpdateServiceBody = Type.Partial(
  Type.Object({ ...serviceFields, active: Type.Boolean({ description: 'false deactivates: the kiosk stops offering it' }) }),
  patch,
);
export type UpdateServiceBody = Static<typeof UpdateServiceBody>;

// ── counters ───────────────────────────────────────────────────────────

export const AdminCounter = Type.Composite([
  Counter,
  Type.Object({ deletable: Type.Boolean({ description: 'Never opened and never served a ticket' }) }),
]);
export type AdminCounter = Static<typeof AdminCounter>;

const ServiceIds = Type.Array(Id, { minItems: 1, uniqueItems: true, description: 'Active services of the branch it calls' });

export const CreateCounterBody = Type.Object(
  {
    number: Type.Integer({ minimum: L.counterNumber.min, maximum: L.counterNumber.max }),
    serviceIds: ServiceIds,
    vip: Type.Optional(Type.Boolean()),
    lowCounter: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type CreateCounterBody = Static<typeof CreateCounterBody>;

export const UpdateCounterBody = Type.Partial(
  Type.Object({ serviceIds: ServiceIds, vip: Type.Boolean(), lowCounter: Type.Boolean() }),
  patch,
);
export type UpdateCounterBody = Static<typeof UpdateCounterBody>;

// ── machines ───────────────────────────────────────────────────────────

/** A machine's name in each language (自動櫃員機 1 / 自动柜员机 1 / ATM 1); `en` is its label. */
export const MachineName = Type.Object(
  { en: Text(L.labelLength), zhHant: Text(L.labelLength), zhHans: Text(L.labelLength) },
  strict,
);

/** `name` in every language; an older client's `label` alone names it the same in all three. One of the two is required. */
export const CreateMachineBody = Type.Object(
  { kind: MachineKind, name: Type.Optional(MachineName), label: Type.Optional(Text(L.labelLength)), inService: Type.Optional(Type.Boolean()) },
  strict,
);
export type CreateMachineBody = Static<typeof CreateMachineBody>;

export const UpdateMachineBody = Type.Partial(
  Type.Object({ kind: MachineKind, name: MachineName, label: Text(L.labelLength), inService: Type.Boolean() }),
  patch,
);
export type UpdateMachineBody = Static<typeof UpdateMachineBody>;

// ── staff ──────────────────────────────────────────────────────────────

/** A staff account; the password hash never leaves the server. */
export const AdminUser = Type.Composite([User, Type.Object({ active: Type.Boolean(), createdAt: Timestamp })]);
export type AdminUser = Static<typeof AdminUser>;

const Password = Type.String({ minLength: L.passwordLength.min, maxLength: L.passwordLength.max });

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ pattern: L.usernamePattern, description: 'Letters, digits, . _ -; unique on the server' }),
    displayName: Text(L.displayNameLength),
    role: Role,
    password: Password,
  },
  strict,
);
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Partial(
  Type.Object({ displayName: Text(L.displayNameLength), role: Role, active: Type.Boolean() }),
  patch,
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const ResetPasswordBody = Type.Object({ password: Password }, strict);
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;

/** A staff account locked now, or with failed sign-ins in a row in the last day (admins only). */
export const LoginLock = Type.Object({
  userId: Id,
  username: Type.String(),
  displayName: Type.String(),
  failures: Type.Integer({ minimum: 1, description: 'Failed sign-ins in a row' }),
  lockedUntil: Nullable(Timestamp), // null when no lock runs now
  lastFailureAt: Timestamp,
  lastFailureAddress: Nullable(Type.String({ description: 'As the server saw it: the client behind a trusted proxy' })),
});
export type LoginLock = Static<typeof LoginLock>;

// ── device tokens ──────────────────────────────────────────────────────

export const DeviceKind = Type.Union([Type.Literal('kiosk'), Type.Literal('display')]);
export type DeviceKind = Static<typeof DeviceKind>;

/** A registered hall device. The token itself is shown once, when it is created. */
export const DeviceToken = Type.Object({
  id: Id,
  branchId: Id,
  kind: DeviceKind,
  label: Type.String(),
  createdAt: Timestamp,
  revokedAt: Nullable(Timestamp),
});
export type DeviceToken = Static<typeof DeviceToken>;

export const NewDeviceToken = Type.Composite([
  DeviceToken,
  Type.Object({ token: Type.String({ description: 'The bearer token: shown only in this reply, stored only as a hash' }) }),
]);
export type NewDeviceToken = Static<typeof NewDeviceToken>;

export const CreateDeviceTokenBody = Type.Object({ kind: DeviceKind, label: Text(L.labelLength) }, strict);
export type CreateDeviceTokenBody = Static<typeof CreateDeviceTokenBody>;

// ── branch ─────────────────────────────────────────────────────────────

const TimeZone = Type.String({ minLength: 1, maxLength: L.timeZoneLength, description: 'IANA zone, e.g. Asia/Hong_Kong' });
// zh-HK: Traditional Chinese in Hong Kong's words (櫃位, 分行); names use the zhHant field.
const Locale = Type.Union([Type.Literal('zh-Hant'), Type.Literal('zh-HK'), Type.Literal('zh-Hans'), Type.Literal('en')]);

export const UpdateBranchBody = Type.Partial(
  Type.Object({
    name: AdminLocalizedName,
    timeZone: TimeZone,
    defaultLocale: Locale,
    settings: Type.Partial(
      Type.Object({
        regularCountersTakeVip: BranchSettings.properties.regularCountersTakeVip,
        maxCallsAheadOfOverdue: BranchSettings.properties.maxCallsAheadOfOverdue,
        issuesPerDevicePerMinute: BranchSettings.properties.issuesPerDevicePerMinute,
        noShowAfterRecalls: BranchSettings.properties.noShowAfterRecalls,
        noShowAfterSeconds: BranchSettings.properties.noShowAfterSeconds,
        absentAlertSeconds: BranchSettings.properties.absentAlertSeconds,
        startOnCall: BranchSettings.properties.startOnCall,
        lateArrival: BranchSettings.properties.lateArrival,
        lateArrivalAfterN: BranchSettings.properties.lateArrivalAfterN,
        lateArrivalWithinMinutes: BranchSettings.properties.lateArrivalWithinMinutes,
        vipRecognition: BranchSettings.properties.vipRecognition,
        complaintReplyWorkingDays: BranchSettings.properties.complaintReplyWorkingDays,
        holidays: BranchSettings.properties.holidays,
        checklistItems: BranchSettings.properties.checklistItems,
        selfServiceMinSavingSeconds: BranchSettings.properties.selfServiceMinSavingSeconds,
        pushAheadCount: BranchSettings.properties.pushAheadCount,
        publicUrl: BranchSettings.properties.publicUrl,
        announcementVoice: BranchSettings.properties.announcementVoice,
        announcementLanguages: BranchSettings.properties.announcementLanguages,
        amberWaitSeconds: Seconds(L.waitThresholdSeconds, 'Longest wait that turns a queue amber'),
        redWaitSeconds: Seconds(L.waitThresholdSeconds, 'Longest wait that turns a queue red; not below amber'),
      }),
      patch,
    ),
  }),
  patch,
);
export type UpdateBranchBody = Static<typeof UpdateBranchBody>;

// ── branches (admins only) ─────────────────────────────────────────────

/** A new branch; its queue settings start at the product's defaults and are tuned in its settings. */
export const CreateBranchBody = Type.Object(
  {
    id: Type.String({ pattern: L.branchIdPattern, description: 'Lower-case letters, digits and dashes; in every address of the branch' }),
    name: AdminLocalizedName,
    timeZone: TimeZone,
    defaultLocale: Locale,
  },
  strict,
);
export type CreateBranchBody = Static<typeof CreateBranchBody>;

// ── routes ─────────────────────────────────────────────────────────────

const BASE = '/api/branches/:branchId/admin';

/** The admin routes as Fastify writes them; the admin page fills their `:params` with `fillPath`. */
export const ADMIN_ROUTES = {
  services: `${BASE}/services`,
  service: `${BASE}/services/:serviceId`,
  counters: `${BASE}/counters`,
  counter: `${BASE}/counters/:counterId`,
  machines: `${BASE}/machines`,
  machine: `${BASE}/machines/:machineId`,
  users: `${BASE}/users`,
  user: `${BASE}/users/:userId`,
  userPassword: `${BASE}/users/:userId/password`,
  userUnlock: `${BASE}/users/:userId/unlock`,
  loginLocks: `${BASE}/login-locks`,
  deviceTokens: `${BASE}/device-tokens`,
  deviceTokenRevoke: `${BASE}/device-tokens/:tokenId/revoke`,
  branch: `${BASE}/branch`,
  branches: '/api/admin/branches',
} as const;

// ── path parameters ────────────────────────────────────────────────────

export const AdminServiceParams = Type.Object({ branchId: Id, serviceId: Id });
export const AdminCounterParams = Type.Object({ branchId: Id, counterId: Id });
export const AdminMachineParams = Type.Object({ branchId: Id, machineId: Id });
export const AdminUserParams = Type.Object({ branchId: Id, userId: Id });
export const AdminDeviceTokenParams = Type.Object({ branchId: Id, tokenId: Id });
