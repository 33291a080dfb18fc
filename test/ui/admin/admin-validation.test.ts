import { describe, expect, it } from 'vitest';
import type { AdminCounter, AdminService, AdminUser } from '../../../protocol/admin-schemas.js';
import { branchBody, counterDraft, newBranchBody, newBranchDraft, serviceBody, serviceDraft } from '../../../manager-ui/src/admin/admin-drafts.js';
import {
  checkBranch,
  checkCounter,
  checkLabel,
  checkMachineNames,
  checkNewBranch,
  checkNewChecklistItem,
  checkNewHoliday,
  checkPassword,
  checkPendingEntries,
  checkService,
  checkUser,
  secondsToMinutes,
  type BranchDraft,
  type ServiceDraft,
} from '../../../manager-ui/src/admin/admin-validation.js';

const cash = {
  id: 'cash',
  branchId: 'demo',
  prefix: 'A',
  name: { en: 'Cash', zhHant: '現金', zhHans: '现金' },
  selfServiceKind: 'atm',
  targetWaitSeconds: 600,
  defaultServiceSeconds: 90,
  icon: '💴',
  sortOrder: 3,
  active: true,
} satisfies AdminService;

const goodService: ServiceDraft = {
  prefix: 'F',
  nameEn: 'Pensions',
  nameZhHant: '養老金',
  nameZhHans: '养老金',
  selfServiceKind: '',
  targetWaitMinutes: '15',
  serviceMinutes: '4.5',
  icon: '',
  sortOrder: '4',
};

describe('service form', () => {
  it('accepts a complete service', () => {
    expect(checkService(goodService, [cash], null)).toEqual({});
  });

  it.each([
    [{ prefix: '' }, 'prefix', 'required'],
    [{ prefix: 'f' }, 'prefix', 'prefix'],
    [{ prefix: 'A' }, 'prefix', 'taken'],
    [{ nameZhHant: '   ' }, 'nameZhHant', 'required'],
    [{ nameEn: 'x'.repeat(81) }, 'nameEn', 'tooLong'],
    [{ targetWaitMinutes: '0.5' }, 'targetWaitMinutes', 'range'],
    [{ targetWaitMinutes: 'soon' }, 'targetWaitMinutes', 'range'],
    [{ serviceMinutes: '' }, 'serviceMinutes', 'required'],
    [{ serviceMinutes: '121' }, 'serviceMinutes', 'range'],
    [{ sortOrder: '1.5' }, 'sortOrder', 'whole'],
  ])('refuses %j: %s is %s', (change, field, kind) => {
    const problems = checkService({ ...goodService, ...change }, [cash], null);
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field as keyof typeof problems]?.kind).toBe(kind);
  });

  it('lets a service keep its own prefix', () => {
    expect(checkService({ ...goodService, prefix: 'A' }, [cash], 'cash')).toEqual({});
  });

  it('shows waits in minutes and sends them in seconds', () => {
    const draft = serviceDraft(cash, [cash]);
    expect(draft).toMatchObject({ targetWaitMinutes: '10', serviceMinutes: '1.5', selfServiceKind: 'atm', sortOrder: '3' });
    expect(serviceBody(draft)).toEqual({
      prefix: 'A',
      name: cash.name,
      selfServiceKind: 'atm',
      targetWaitSeconds: 600,
      defaultServiceSeconds: 90,
      icon: '💴',
      sortOrder: 3,
    });
    expect(serviceBody({ ...goodService, nameEn: '  Pensions ' })).toMatchObject({ name: { en: 'Pensions' }, selfServiceKind: null, defaultServiceSeconds: 270 });
  });

  it('puts a new service after the last one', () => {
    expect(serviceDraft(null, [cash]).sortOrder).toBe('4');
    expect(serviceDraft(null, []).sortOrder).toBe('0');
  });
});

describe('counter form', () => {
  const counter3 = { id: 'c3', number: 3 } as AdminCounter;

  it('suggests the next free number and needs at least one service', () => {
    const draft = counterDraft(null, [counter3]);
    expect(draft.number).toBe('4');
    expect(checkCounter(draft, [counter3], null)).toEqual({ serviceIds: { kind: 'noService' } });
    expect(checkCounter({ ...draft, serviceIds: ['cash'] }, [counter3], null)).toEqual({});
  });

  it.each([
    ['3', 'taken'],
    ['0', 'range'],
    ['1000', 'range'],
    ['2.5', 'whole'],
    ['', 'required'],
  ])('refuses counter number "%s" (%s)', (number, kind) => {
    expect(checkCounter({ number, serviceIds: ['cash'], vip: false, lowCounter: false }, [counter3], null).number?.kind).toBe(kind);
  });
});

describe('staff forms', () => {
  const teller1 = { id: 'u1', username: 'teller1' } as AdminUser;
  const newUser = { username: 'teller7', displayName: 'Teller 7', role: 'teller' as const, password: 'eight888', active: true };

  it('accepts a new teller with a long enough password', () => {
    expect(checkUser(newUser, [teller1], true)).toEqual({});
  });

  it.each([
    [{ username: 'teller1' }, 'username', 'taken'],
    [{ username: 'has space' }, 'username', 'username'],
    [{ username: '' }, 'username', 'required'],
    [{ displayName: ' ' }, 'displayName', 'required'],
    [{ password: 'seven77' }, 'password', 'tooShort'],
  ])('refuses %j', (change, field, kind) => {
    const problems = checkUser({ ...newUser, ...change }, [teller1], true);
    expect(problems[field as keyof typeof problems]?.kind).toBe(kind);
  });

  it('does not ask for a username or password when editing', () => {
    expect(checkUser({ ...newUser, username: '', password: '' }, [teller1], false)).toEqual({});
  });

  it('needs the new password twice', () => {
    expect(checkPassword('long enough', 'long enough')).toEqual({});
    expect(checkPassword('long enough', 'long enuogh')).toEqual({ repeated: { kind: 'mismatch' } });
    expect(checkPassword('short', 'short')).toEqual({ password: { kind: 'tooShort', min: 8 } });
  });
});

describe('labels of machines and devices', () => {
  it('must not be blank', () => {
    expect(checkLabel('ATM 4')).toEqual({});
    expect(checkLabel('   ')).toEqual({ label: { kind: 'required' } });
  });

  it('a machine needs its name in every language', () => {
    expect(checkMachineNames({ nameZhHant: '自動櫃員機 4', nameZhHans: '自动柜员机 4', nameEn: 'ATM 4' })).toEqual({});
    expect(checkMachineNames({ nameZhHant: ' ', nameZhHans: '自动柜员机 4', nameEn: 'x'.repeat(61) })).toEqual({
      nameZhHant: { kind: 'required' },
      nameEn: { kind: 'tooLong', max: 60 },
    });
  });
});

describe('branch form', () => {
  const branch: BranchDraft = {
    nameEn: 'Central',
    nameZhHant: '中環',
    nameZhHans: '中环',
    timeZone: 'Asia/Hong_Kong',
    defaultLocale: 'zh-Hant',
    regularCountersTakeVip: 'when_no_vip_counter',
    maxCallsAheadOfOverdue: '2',
    issuesPerDevicePerMinute: '20',
    noShowAfterRecalls: '1',
    noShowAfterSeconds: '0',
    absentAlertSeconds: '90',
    startOnCall: false,
    lateArrival: 'at_end',
    lateArrivalAfterN: '3',
    lateArrivalWithinMinutes: '60',
    amberMinutes: '10',
    redMinutes: '15',
    vipRecognition: 'registry',
    complaintReplyWorkingDays: '2',
    holidays: ['2026-10-01', '2026-12-25'],
    checklistItems: ['ticket_machine', 'hall_tidy', ' Queue barrier '],
    newHoliday: '',
    newChecklistItem: '',
    selfServiceMinSavingMinutes: '10',
    pushAheadCount: '3',
    publicUrl: 'https://queue.example-bank.hk/',
  };

  it('accepts valid settings and sends the thresholds in seconds', () => {
    expect(checkBranch(branch)).toEqual({});
    expect(branchBody(branch).settings).toEqual({
      regularCountersTakeVip: 'when_no_vip_counter',
      maxCallsAheadOfOverdue: 2,
      issuesPerDevicePerMinute: 20,
      noShowAfterRecalls: 1,
      noShowAfterSeconds: 0,
      absentAlertSeconds: 90,
      startOnCall: false,
      lateArrival: 'at_end',
      lateArrivalAfterN: 3,
      lateArrivalWithinMinutes: 60,
      amberWaitSeconds: 600,
      redWaitSeconds: 900,
      vipRecognition: 'registry',
      complaintReplyWorkingDays: 2,
      holidays: ['2026-10-01', '2026-12-25'],
      checklistItems: ['ticket_machine', 'hall_tidy', 'Queue barrier'],
      selfServiceMinSavingSeconds: 600,
      pushAheadCount: 3,
      publicUrl: 'https://queue.example-bank.hk',
    });
  });

  it('takes an empty public address (the kiosk’s own) and sends it empty', () => {
    expect(checkBranch({ ...branch, publicUrl: '  ' })).toEqual({});
    expect(branchBody({ ...branch, publicUrl: '  ' }).settings?.publicUrl).toBe('');
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone'],
    [{ timeZone: '' }, 'timeZone', 'required'],
    [{ amberMinutes: '20' }, 'amberMinutes', 'amberAfterRed'],
    [{ redMinutes: '241' }, 'redMinutes', 'range'],
    [{ maxCallsAheadOfOverdue: '21' }, 'maxCallsAheadOfOverdue', 'range'],
    [{ issuesPerDevicePerMinute: '0' }, 'issuesPerDevicePerMinute', 'range'],
    [{ issuesPerDevicePerMinute: '601' }, 'issuesPerDevicePerMinute', 'range'],
    [{ lateArrivalAfterN: '21' }, 'lateArrivalAfterN', 'range'],
    [{ lateArrivalWithinMinutes: '0' }, 'lateArrivalWithinMinutes', 'range'],
    [{ issuesPerDevicePerMinute: '2.5' }, 'issuesPerDevicePerMinute', 'whole'],
    [{ noShowAfterRecalls: '6' }, 'noShowAfterRecalls', 'range'],
    [{ noShowAfterSeconds: '601' }, 'noShowAfterSeconds', 'range'],
    [{ noShowAfterSeconds: '1.5' }, 'noShowAfterSeconds', 'whole'],
    [{ absentAlertSeconds: '29' }, 'absentAlertSeconds', 'range'],
    [{ absentAlertSeconds: '601' }, 'absentAlertSeconds', 'range'],
    [{ absentAlertSeconds: '' }, 'absentAlertSeconds', 'required'],
    [{ nameZhHans: '' }, 'nameZhHans', 'required'],
    [{ complaintReplyWorkingDays: '0' }, 'complaintReplyWorkingDays', 'range'],
    [{ complaintReplyWorkingDays: '31' }, 'complaintReplyWorkingDays', 'range'],
    [{ complaintReplyWorkingDays: '1.5' }, 'complaintReplyWorkingDays', 'whole'],
    [{ complaintReplyWorkingDays: '' }, 'complaintReplyWorkingDays', 'required'],
    [{ selfServiceMinSavingMinutes: '61' }, 'selfServiceMinSavingMinutes', 'range'],
    [{ selfServiceMinSavingMinutes: '-1' }, 'selfServiceMinSavingMinutes', 'range'],
    [{ selfServiceMinSavingMinutes: '' }, 'selfServiceMinSavingMinutes', 'required'],
    [{ pushAheadCount: '0' }, 'pushAheadCount', 'range'],
    [{ pushAheadCount: '21' }, 'pushAheadCount', 'range'],
    [{ pushAheadCount: '2.5' }, 'pushAheadCount', 'whole'],
    [{ publicUrl: 'queue.example-bank.hk' }, 'publicUrl', 'url'],
    [{ publicUrl: 'ftp://queue.example-bank.hk' }, 'publicUrl', 'url'],
    [{ publicUrl: 'https://queue example.hk' }, 'publicUrl', 'url'],
    [{ publicUrl: 'https://' }, 'publicUrl', 'url'],
    [{ publicUrl: `https://${'a'.repeat(300)}.hk` }, 'publicUrl', 'tooLong'],
  ])('refuses %j', (change, field, kind) => {
    const problems = checkBranch({ ...branch, ...change });
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field as keyof typeof problems]?.kind).toBe(kind);
  });

  it('shows seconds as minutes with at most one decimal', () => {
    expect(secondsToMinutes(900)).toBe('15');
    expect(secondsToMinutes(90)).toBe('1.5');
    expect(secondsToMinutes(100)).toBe('1.7');
  });
});

describe('holidays and checklist items in the branch form', () => {
  it.each([
    ['2026-10-01', [], undefined],
    ['2028-02-29', [], undefined],
    ['2026-02-30', [], 'notADay'],
    ['', [], 'notADay'],
    ['1 Oct', [], 'notADay'],
    ['2026-10-01', ['2026-10-01'], 'listed'],
    ['2026-10-02', Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)), 'full'],
  ])('a holiday %j added to %j: %s', (day, holidays, kind) => {
    expect(checkNewHoliday(day, holidays)?.kind).toBe(kind);
  });

  it.each([
    ['Queue barrier', ['ticket_machine'], undefined],
    ['飲水機', [], undefined],
    ['   ', [], 'blank'],
    ['x'.repeat(81), [], 'tooLong'],
    ['queue BARRIER ', ['Queue barrier'], 'listed'],
    ['hall_tidy', ['hall_tidy'], 'listed'],
    ['One more', Array.from({ length: 40 }, (_, i) => `Item ${i}`), 'full'],
  ])('an item %j added to %j: %s', (text, items, kind) => {
    expect(checkNewChecklistItem(text, items)?.kind).toBe(kind);
  });

  it('points out a holiday or item typed but not added when the form is saved', () => {
    expect(checkPendingEntries({ newHoliday: '', newChecklistItem: '  ' })).toEqual({});
    expect(checkPendingEntries({ newHoliday: '2026-10-01', newChecklistItem: 'Queue barrier' })).toEqual({
      newHoliday: { kind: 'pending' },
      newChecklistItem: { kind: 'pending' },
    });
  });
});

describe('new branch form', () => {
  const kowloon = { ...newBranchDraft('Asia/Hong_Kong'), id: 'kowloon-east', nameEn: ' Kowloon East ', nameZhHant: '九龍東', nameZhHans: '九龙东' };

  it('starts in the given time zone and in Traditional Chinese', () => {
    expect(newBranchDraft('Asia/Macau')).toMatchObject({ id: '', timeZone: 'Asia/Macau', defaultLocale: 'zh-Hant' });
  });

  it('accepts a slug id and sends trimmed names', () => {
    expect(checkNewBranch(kowloon, ['demo'])).toEqual({});
    expect(newBranchBody(kowloon)).toEqual({
      id: 'kowloon-east',
      name: { en: 'Kowloon East', zhHant: '九龍東', zhHans: '九龙东' },
      timeZone: 'Asia/Hong_Kong',
      defaultLocale: 'zh-Hant',
    });
  });

  it.each([
    [{ id: '' }, 'id', 'required'],
    [{ id: 'Kowloon' }, 'id', 'branchId'],
    [{ id: 'k' }, 'id', 'branchId'],
    [{ id: 'a'.repeat(33) }, 'id', 'branchId'],
    [{ id: 'north branch' }, 'id', 'branchId'],
    [{ id: 'demo' }, 'id', 'branchTaken'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone'],
    [{ nameZhHant: '  ' }, 'nameZhHant', 'required'],
  ])('refuses %j', (change, field, kind) => {
    const problems = checkNewBranch({ ...kowloon, ...change }, ['demo']);
    expect(Object.keys(problems)).toEqual([field]);
    expect(problems[field as keyof typeof problems]?.kind).toBe(kind);
  });
});
