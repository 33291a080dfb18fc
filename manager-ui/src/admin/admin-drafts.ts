/**
 * Form drafts to and from the admin API's records. A draft holds what the fields show (text for
 * numbers, minutes for waits); a body holds what the server takes (numbers, seconds).
 */
import type {
  AdminCounter,
  AdminService,
  CreateBranchBody,
  CreateCounterBody,
  CreateServiceBody,
  UpdateBranchBody,
} from '../../../protocol/admin-schemas.js';
import type { Branch } from '../../../protocol/schemas.js';
import {
  minutesToSeconds,
  secondsToMinutes,
  type BranchDraft,
  type CounterDraft,
  type NewBranchDraft,
  type ServiceDraft,
} from './admin-validation.js';

export function serviceDraft(service: AdminService | null, services: AdminService[]): ServiceDraft {
  if (!service) {
    const nextOrder = services.reduce((max, s) => Math.max(max, s.sortOrder + 1), 0);
    return {
      prefix: '',
      nameEn: '',
      nameZhHant: '',
      nameZhHans: '',
      selfServiceKind: '',
      targetWaitMinutes: '10',
      serviceMinutes: '5',
      icon: '',
      sortOrder: String(nextOrder),
    };
  }
  return {
    prefix: service.prefix,
    nameEn: service.name.en,
    nameZhHant: service.name.zhHant,
    nameZhHans: service.name.zhHans,
    selfServiceKind: service.selfServiceKind ?? '',
    targetWaitMinutes: secondsToMinutes(service.targetWaitSeconds),
    serviceMinutes: secondsToMinutes(service.defaultServiceSeconds),
    icon: service.icon,
    sortOrder: String(service.sortOrder),
  };
}

export function serviceBody(draft: ServiceDraft): Required<CreateServiceBody> {
  return {
    prefix: draft.prefix.trim(),
    name: { en: draft.nameEn.trim(), zhHant: draft.nameZhHant.trim(), zhHans: draft.nameZhHans.trim() },
    selfServiceKind: draft.selfServiceKind || null,
    targetWaitSeconds: minutesToSeconds(draft.targetWaitMinutes),
    defaultServiceSeconds: minutesToSeconds(draft.serviceMinutes),
    icon: draft.icon.trim(),
    sortOrder: Number(draft.sortOrder),
  };
}

export function counterDraft(counter: AdminCounter | null, counters: AdminCounter[]): CounterDraft {
  if (counter) return { number: String(counter.number), serviceIds: [...counter.serviceIds], vip: counter.vip, lowCounter: counter.lowCounter };
  const next = counters.reduce((max, c) => Math.max(max, c.number), 0) + 1;
  return { number: String(next), serviceIds: [], vip: false, lowCounter: false };
}

export const counterBody = (draft: CounterDraft): Required<CreateCounterBody> => ({
  number: Number(draft.number),
  serviceIds: draft.serviceIds,
  vip: draft.vip,
  lowCounter: draft.lowCounter,
});

export const branchDraft = (branch: Branch): BranchDraft => ({
  nameEn: branch.name.en,
  nameZhHant: branch.name.zhHant,
  nameZhHans: branch.name.zhHans,
  timeZone: branch.timeZone,
  defaultLocale: branch.defaultLocale,
  regularCountersTakeVip: branch.settings.regularCountersTakeVip,
  maxCallsAheadOfOverdue: String(branch.settings.maxCallsAheadOfOverdue),
  issuesPerDevicePerMinute: String(branch.settings.issuesPerDevicePerMinute),
  noShowAfterRecalls: String(branch.settings.noShowAfterRecalls),
  noShowAfterSeconds: String(branch.settings.noShowAfterSeconds),
  absentAlertSeconds: String(branch.settings.absentAlertSeconds),
  startOnCall: branch.settings.startOnCall,
  lateArrival: branch.settings.lateArrival,
  lateArrivalAfterN: String(branch.settings.lateArrivalAfterN),
  lateArrivalWithinMinutes: String(branch.settings.lateArrivalWithinMinutes),
  amberMinutes: secondsToMinutes(branch.settings.amberWaitSeconds),
  redMinutes: secondsToMinutes(branch.settings.redWaitSeconds),
  vipRecognition: branch.settings.vipRecognition,
  complaintReplyWorkingDays: String(branch.settings.complaintReplyWorkingDays),
  holidays: [...branch.settings.holidays].sort(),
  checklistItems: [...branch.settings.checklistItems],
  newHoliday: '',
  newChecklistItem: '',
  selfServiceMinSavingMinutes: secondsToMinutes(branch.settings.selfServiceMinSavingSeconds),
  pushAheadCount: String(branch.settings.pushAheadCount),
  publicUrl: branch.settings.publicUrl,
});

export const branchBody = (draft: BranchDraft): UpdateBranchBody => ({
  name: { en: draft.nameEn.trim(), zhHant: draft.nameZhHant.trim(), zhHans: draft.nameZhHans.trim() },
  timeZone: draft.timeZone.trim(),
  defaultLocale: draft.defaultLocale,
  settings: {
    regularCountersTakeVip: draft.regularCountersTakeVip,
    maxCallsAheadOfOverdue: Number(draft.maxCallsAheadOfOverdue),
    issuesPerDevicePerMinute: Number(draft.issuesPerDevicePerMinute),
    noShowAfterRecalls: Number(draft.noShowAfterRecalls),
    noShowAfterSeconds: Number(draft.noShowAfterSeconds),
    absentAlertSeconds: Number(draft.absentAlertSeconds),
    startOnCall: draft.startOnCall,
    lateArrival: draft.lateArrival,
    lateArrivalAfterN: Number(draft.lateArrivalAfterN),
    lateArrivalWithinMinutes: Number(draft.lateArrivalWithinMinutes),
    amberWaitSeconds: minutesToSeconds(draft.amberMinutes),
    redWaitSeconds: minutesToSeconds(draft.redMinutes),
    vipRecognition: draft.vipRecognition,
    complaintReplyWorkingDays: Number(draft.complaintReplyWorkingDays),
    holidays: [...draft.holidays],
    checklistItems: draft.checklistItems.map((item) => item.trim()),
    selfServiceMinSavingSeconds: minutesToSeconds(draft.selfServiceMinSavingMinutes),
    pushAheadCount: Number(draft.pushAheadCount),
    // The QR code appends the ticket's path: no trailing slash.
    publicUrl: draft.publicUrl.trim().replace(/\/+$/, ''),
  },
});

/** A new branch starts in the browser's own time zone, which is usually the branch's. */
export const newBranchDraft = (timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone): NewBranchDraft => ({
  id: '',
  nameEn: '',
  nameZhHant: '',
  nameZhHans: '',
  timeZone,
  defaultLocale: 'zh-Hant',
});

export const newBranchBody = (draft: NewBranchDraft): CreateBranchBody => ({
  id: draft.id.trim(),
  name: { en: draft.nameEn.trim(), zhHant: draft.nameZhHant.trim(), zhHans: draft.nameZhHans.trim() },
  timeZone: draft.timeZone.trim(),
  defaultLocale: draft.defaultLocale,
});
