/**
 * The admin forms' checks, run in the browser before anything is sent, with the server's own
 * limits (protocol ADMIN_LIMITS). Pure functions over form drafts (text as typed), so they are
 * tested without a browser. The server checks again and has the last word.
 */
import { ADMIN_LIMITS as L } from '../../../protocol/admin-schemas.js';
import type { AdminCounter, AdminService, AdminUser } from '../../../protocol/admin-schemas.js';
import {
  BranchSettings,
  COMPLAINT_REPLY_WORKING_DAYS,
  PUSH_AHEAD_COUNT,
  SELF_SERVICE_MIN_SAVING_SECONDS,
  type LateArrival,
  type Role,
  type VipRecognition,
} from '../../../protocol/schemas.js';

export type Problem =
  | { kind: 'required' }
  | { kind: 'range'; min: number; max: number }
  | { kind: 'whole' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooShort'; min: number }
  | { kind: 'prefix' }
  | { kind: 'username' }
  | { kind: 'taken' }
  | { kind: 'timeZone' }
  | { kind: 'amberAfterRed' }
  | { kind: 'mismatch' }
  | { kind: 'noService' }
  | { kind: 'branchId' }
  | { kind: 'branchTaken' }
  /** Not an http:// or https:// address. */
  | { kind: 'url' };

export type Problems<Field extends string> = Partial<Record<Field, Problem>>;

export const hasProblems = (problems: object) => Object.keys(problems).length > 0;

/** A number typed into a field, or null when it is not one. */
export function parseNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Minutes as typed, to whole seconds. */
export const minutesToSeconds = (text: string) => Math.round(Number(text) * 60);
/** Seconds to minutes as shown in a field: 90 → "1.5". */
export const secondsToMinutes = (seconds: number) => String(Math.round((seconds / 60) * 10) / 10);

function requiredText(value: string, max: number): Problem | undefined {
  if (!value.trim()) return { kind: 'required' };
  if (value.trim().length > max) return { kind: 'tooLong', max };
  return undefined;
}

function numberIn(text: string, min: number, max: number, whole: boolean): Problem | undefined {
  const value = parseNumber(text);
  if (text.trim() === '') return { kind: 'required' };
  if (value === null || value < min || value > max) return { kind: 'range', min, max };
  if (whole && !Number.isInteger(value)) return { kind: 'whole' };
  return undefined;
}

/** Minutes whose value in seconds must lie in `range` (the server's limits are in seconds). */
const minutesIn = (text: string, range: { min: number; max: number }) => numberIn(text, range.min / 60, range.max / 60, false);

function collect<Field extends string>(checks: [Field, Problem | undefined][]): Problems<Field> {
  const problems: Problems<Field> = {};
  for (const [field, problem] of checks) if (problem) problems[field] = problem;
  return problems;
}

// ── services ──

export interface ServiceDraft {
  prefix: string;
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  selfServiceKind: '' | 'atm' | 'self_service_terminal';
  targetWaitMinutes: string;
  serviceMinutes: string;
  icon: string;
  sortOrder: string;
}
export type ServiceField = keyof ServiceDraft;

export function checkService(draft: ServiceDraft, services: AdminService[], editingId: string | null): Problems<ServiceField> {
  const prefix = draft.prefix.trim();
  const taken = services.some((s) => s.prefix === prefix && s.id !== editingId);
  return collect<ServiceField>([
    ['prefix', !prefix ? { kind: 'required' } : !/^[A-Z]$/.test(prefix) ? { kind: 'prefix' } : taken ? { kind: 'taken' } : undefined],
    ['nameEn', requiredText(draft.nameEn, L.nameLength)],
    ['nameZhHant', requiredText(draft.nameZhHant, L.nameLength)],
    ['nameZhHans', requiredText(draft.nameZhHans, L.nameLength)],
    ['targetWaitMinutes', minutesIn(draft.targetWaitMinutes, L.targetWaitSeconds)],
    ['serviceMinutes', minutesIn(draft.serviceMinutes, L.defaultServiceSeconds)],
    ['icon', draft.icon.length > L.iconLength ? { kind: 'tooLong', max: L.iconLength } : undefined],
    ['sortOrder', numberIn(draft.sortOrder, L.sortOrder.min, L.sortOrder.max, true)],
  ]);
}

// ── counters ──

export interface CounterDraft {
  number: string;
  serviceIds: string[];
  vip: boolean;
  lowCounter: boolean;
}
export type CounterField = 'number' | 'serviceIds';

export function checkCounter(draft: CounterDraft, counters: AdminCounter[], editingId: string | null): Problems<CounterField> {
  const number = parseNumber(draft.number);
  const taken = counters.some((c) => c.number === number && c.id !== editingId);
  return collect<CounterField>([
    ['number', numberIn(draft.number, L.counterNumber.min, L.counterNumber.max, true) ?? (taken ? { kind: 'taken' } : undefined)],
    ['serviceIds', draft.serviceIds.length === 0 ? { kind: 'noService' } : undefined],
  ]);
}

// ── machines and device tokens ──

export const checkLabel = (label: string): Problems<'label'> => collect([['label', requiredText(label, L.labelLength)]]);

/** A machine's name in each language, each as long as a label may be (the English one is its label). */
export const checkMachineNames = (draft: { nameEn: string; nameZhHant: string; nameZhHans: string }): Problems<'nameEn' | 'nameZhHant' | 'nameZhHans'> =>
  collect([
    ['nameZhHant', requiredText(draft.nameZhHant, L.labelLength)],
    ['nameZhHans', requiredText(draft.nameZhHans, L.labelLength)],
    ['nameEn', requiredText(draft.nameEn, L.labelLength)],
  ]);

// ── staff ──

export interface UserDraft {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  active: boolean;
}
export type UserField = 'username' | 'displayName' | 'password';

/** A new account needs a free username and a password; an existing one only a display name. */
export function checkUser(draft: UserDraft, users: AdminUser[], creating: boolean): Problems<UserField> {
  const username = draft.username.trim();
  return collect<UserField>([
    [
      'username',
      !creating
        ? undefined
        : !username
          ? { kind: 'required' }
          : !new RegExp(L.usernamePattern).test(username)
            ? { kind: 'username' }
            : users.some((u) => u.username === username)
              ? { kind: 'taken' }
              : undefined,
    ],
    ['displayName', requiredText(draft.displayName, L.displayNameLength)],
    ['password', creating ? checkPasswordText(draft.password) : undefined],
  ]);
}

function checkPasswordText(password: string): Problem | undefined {
  if (!password) return { kind: 'required' };
  if (password.length < L.passwordLength.min) return { kind: 'tooShort', min: L.passwordLength.min };
  if (password.length > L.passwordLength.max) return { kind: 'tooLong', max: L.passwordLength.max };
  return undefined;
}

export function checkPassword(password: string, repeated: string): Problems<'password' | 'repeated'> {
  const problem = checkPasswordText(password);
  return collect<'password' | 'repeated'>([
    ['password', problem],
    ['repeated', !problem && password !== repeated ? { kind: 'mismatch' } : undefined],
  ]);
}

// ── the branch ──

export interface BranchDraft {
  nameEn: string;
  nameZhHant: string;
  nameZhHans: string;
  timeZone: string;
  defaultLocale: 'zh-Hant' | 'zh-HK' | 'zh-Hans' | 'en';
  regularCountersTakeVip: 'when_no_vip_counter' | 'always' | 'never';
  maxCallsAheadOfOverdue: string;
  issuesPerDevicePerMinute: string;
  noShowAfterRecalls: string;
  noShowAfterSeconds: string;
  absentAlertSeconds: string;
  startOnCall: boolean;
  /** 過號重排: where a late no-show waits again, behind how many, and for how long after the no-show. */
  lateArrival: LateArrival;
  lateArrivalAfterN: string;
  lateArrivalWithinMinutes: string;
  amberMinutes: string;
  redMinutes: string;
  vipRecognition: VipRecognition;
  complaintReplyWorkingDays: string;
  /** Days the branch is closed besides weekends, in calendar order. */
  holidays: string[];
  /** The standard items checked, then the branch's own wording. */
  checklistItems: string[];
  /** What is typed into the "add a holiday" and "add an item" fields, not yet added. */
  newHoliday: string;
  newChecklistItem: string;
  /** Customers' screens: the kiosk suggests a machine only when the wait is at least this long (minutes). */
  selfServiceMinSavingMinutes: string;
  /** People ahead at which a customer who allowed notifications is told. */
  pushAheadCount: string;
  /** The branch's address as phones reach it, for the ticket's QR code; empty: the kiosk's own. */
  publicUrl: string;
}
export type BranchField =
  | 'selfServiceMinSavingMinutes'
  | 'pushAheadCount'
  | 'publicUrl'
  | 'complaintReplyWorkingDays'
  | 'nameEn'
  | 'nameZhHant'
  | 'nameZhHans'
  | 'timeZone'
  | 'maxCallsAheadOfOverdue'
  | 'issuesPerDevicePerMinute'
  | 'noShowAfterRecalls'
  | 'noShowAfterSeconds'
  | 'absentAlertSeconds'
  | 'lateArrivalAfterN'
  | 'lateArrivalWithinMinutes'
  | 'amberMinutes'
  | 'redMinutes';

/** Whether the runtime knows `timeZone` as an IANA zone (the server asks its own runtime the same). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function checkBranch(draft: BranchDraft): Problems<BranchField> {
  const amber = minutesIn(draft.amberMinutes, L.waitThresholdSeconds);
  const red = minutesIn(draft.redMinutes, L.waitThresholdSeconds);
  const order = !amber && !red && Number(draft.amberMinutes) > Number(draft.redMinutes) ? { kind: 'amberAfterRed' as const } : undefined;
  return collect<BranchField>([
    ['nameEn', requiredText(draft.nameEn, L.nameLength)],
    ['nameZhHant', requiredText(draft.nameZhHant, L.nameLength)],
    ['nameZhHans', requiredText(draft.nameZhHans, L.nameLength)],
    ['timeZone', !draft.timeZone.trim() ? { kind: 'required' } : isKnownTimeZone(draft.timeZone.trim()) ? undefined : { kind: 'timeZone' }],
    ['maxCallsAheadOfOverdue', numberIn(draft.maxCallsAheadOfOverdue, L.maxCallsAheadOfOverdue.min, L.maxCallsAheadOfOverdue.max, true)],
    ['issuesPerDevicePerMinute', numberIn(draft.issuesPerDevicePerMinute, L.issuesPerDevicePerMinute.min, L.issuesPerDevicePerMinute.max, true)],
    ['noShowAfterRecalls', numberIn(draft.noShowAfterRecalls, L.noShowAfterRecalls.min, L.noShowAfterRecalls.max, true)],
    ['noShowAfterSeconds', numberIn(draft.noShowAfterSeconds, L.noShowAfterSeconds.min, L.noShowAfterSeconds.max, true)],
    ['absentAlertSeconds', numberIn(draft.absentAlertSeconds, L.absentAlertSeconds.min, L.absentAlertSeconds.max, true)],
    ['lateArrivalAfterN', numberIn(draft.lateArrivalAfterN, L.lateArrivalAfterN.min, L.lateArrivalAfterN.max, true)],
    ['lateArrivalWithinMinutes', numberIn(draft.lateArrivalWithinMinutes, L.lateArrivalWithinMinutes.min, L.lateArrivalWithinMinutes.max, true)],
    ['amberMinutes', amber ?? order],
    ['redMinutes', red],
    ['complaintReplyWorkingDays', numberIn(draft.complaintReplyWorkingDays, COMPLAINT_REPLY_WORKING_DAYS.min, COMPLAINT_REPLY_WORKING_DAYS.max, true)],
    ['selfServiceMinSavingMinutes', minutesIn(draft.selfServiceMinSavingMinutes, SELF_SERVICE_MIN_SAVING_SECONDS)],
    ['pushAheadCount', numberIn(draft.pushAheadCount, PUSH_AHEAD_COUNT.min, PUSH_AHEAD_COUNT.max, true)],
    ['publicUrl', checkPublicUrl(draft.publicUrl)],
  ]);
}

const PUBLIC_URL_MAX = BranchSettings.properties.publicUrl.maxLength!;

/** Empty (the kiosk's own address), or a whole http:// or https:// address without spaces, as the server's pattern wants. */
export function checkPublicUrl(text: string): Problem | undefined {
  const url = text.trim();
  if (url === '') return undefined;
  if (url.length > PUBLIC_URL_MAX) return { kind: 'tooLong', max: PUBLIC_URL_MAX };
  if (!/^https?:\/\/\S+$/i.test(url)) return { kind: 'url' };
  try {
    return new URL(url).hostname ? undefined : { kind: 'url' };
  } catch {
    return { kind: 'url' };
  }
}

// ── the records' lists in the branch settings: holidays and checklist items ──

/** What can be wrong with a holiday or checklist item being added (admin-branch-settings words them). */
export type ListProblem =
  | { kind: 'notADay' }
  | { kind: 'blank' }
  | { kind: 'listed' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'full'; max: number }
  /** Typed but not added when the form was saved. */
  | { kind: 'pending' };
export type ListField = 'newHoliday' | 'newChecklistItem';

export const HOLIDAY_LIMIT = BranchSettings.properties.holidays.maxItems!;
export const CHECKLIST_LIMITS = {
  items: BranchSettings.properties.checklistItems.maxItems!,
  length: BranchSettings.properties.checklistItems.items.maxLength!,
} as const;

/** Whether `day` is a real calendar day written YYYY-MM-DD (the server refuses 2026-02-30). */
export function isCalendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === day;
}

/** A holiday may be added when it is a real day not yet listed. */
export function checkNewHoliday(day: string, holidays: readonly string[]): ListProblem | undefined {
  if (!isCalendarDay(day.trim())) return { kind: 'notADay' };
  if (holidays.includes(day.trim())) return { kind: 'listed' };
  if (holidays.length >= HOLIDAY_LIMIT) return { kind: 'full', max: HOLIDAY_LIMIT };
  return undefined;
}

/** An item may be added when it has words, fits, and is not listed yet (in any capitalisation). */
export function checkNewChecklistItem(text: string, items: readonly string[]): ListProblem | undefined {
  const item = text.trim();
  if (!item) return { kind: 'blank' };
  if (item.length > CHECKLIST_LIMITS.length) return { kind: 'tooLong', max: CHECKLIST_LIMITS.length };
  if (items.some((i) => i.toLocaleLowerCase() === item.toLocaleLowerCase())) return { kind: 'listed' };
  if (items.length >= CHECKLIST_LIMITS.items) return { kind: 'full', max: CHECKLIST_LIMITS.items };
  return undefined;
}

/** At saving: something typed into an add field but not added is pointed out rather than lost. */
export function checkPendingEntries(draft: Pick<BranchDraft, ListField>): Partial<Record<ListField, ListProblem>> {
  const problems: Partial<Record<ListField, ListProblem>> = {};
  if (draft.newHoliday.trim()) problems.newHoliday = { kind: 'pending' };
  if (draft.newChecklistItem.trim()) problems.newChecklistItem = { kind: 'pending' };
  return problems;
}

// ── a new branch (admins of every branch) ──

export type NewBranchDraft = Pick<BranchDraft, 'nameEn' | 'nameZhHant' | 'nameZhHans' | 'timeZone' | 'defaultLocale'> & { id: string };
export type NewBranchField = 'id' | 'nameEn' | 'nameZhHant' | 'nameZhHans' | 'timeZone';

/** The id goes into every address of the branch, so it is a short lower-case slug, unique on the server. */
export function checkNewBranch(draft: NewBranchDraft, branchIds: readonly string[]): Problems<NewBranchField> {
  const id = draft.id.trim();
  const timeZone = draft.timeZone.trim();
  return collect<NewBranchField>([
    ['id', !id ? { kind: 'required' } : !new RegExp(L.branchIdPattern).test(id) ? { kind: 'branchId' } : branchIds.includes(id) ? { kind: 'branchTaken' } : undefined],
    ['nameZhHant', requiredText(draft.nameZhHant, L.nameLength)],
    ['nameZhHans', requiredText(draft.nameZhHans, L.nameLength)],
    ['nameEn', requiredText(draft.nameEn, L.nameLength)],
    ['timeZone', !timeZone ? { kind: 'required' } : isKnownTimeZone(timeZone) ? undefined : { kind: 'timeZone' }],
  ]);
}
