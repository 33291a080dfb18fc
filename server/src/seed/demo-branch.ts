/** The demo branch that `npm start` creates on an empty database, and the first admin outside demo mode. */
import { newId } from '../lib/ids.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MachineKind } from '../../../protocol/schemas.js';
import type { OperatingCalendar } from '../../../protocol/calendar-schemas.js';
import type { Clock } from '../lib/clock.js';
import { hashPassword } from '../lib/password.js';
import { hashToken } from '../lib/tokens.js';
import { DEFAULT_SETTINGS } from '../repositories/mappers.js';
import { DEMO_BRANCH_ID, DEMO_COUNTERS, DEMO_SERVICES, demoCounterId, demoServiceId } from '../demo/demo-branch-layout.js';
import { seedDemoNotices } from './demo-notices.js';

export { DEMO_BRANCH_ID };
export const DEMO_PASSWORD = 'demo';
export const DEMO_DEVICE_TOKENS = { kiosk: 'demo-kiosk', display: 'demo-display' } as const;

/** `label` is the English name; customers read the name in their language on the kiosk. */
const DEMO_MACHINES: { kind: MachineKind; label: string; zhHant: string; zhHans: string }[] = [
  { kind: 'atm', label: 'ATM 1', zhHant: '自動櫃員機 1', zhHans: '自动柜员机 1' },
  { kind: 'atm', label: 'ATM 2', zhHant: '自動櫃員機 2', zhHans: '自动柜员机 2' },
  { kind: 'atm', label: 'ATM 3', zhHant: '自動櫃員機 3', zhHans: '自动柜员机 3' },
  { kind: 'self_service_terminal', label: 'Self-service terminal 1', zhHant: '自助服務機 1', zhHans: '自助服务机 1' },
  { kind: 'self_service_terminal', label: 'Self-service terminal 2', zhHant: '自助服務機 2', zhHans: '自助服务机 2' },
];

/** Whether any branch exists yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('branches').select('id').limit(1).executeTakeFirst()) === undefined;
}

/**
 * The demo branch's operating calendar (`npm start`): open every day 08:00–20:00 branch time. Cash,
 * transfers and cards (A, B, C) issue tickets from midnight, so someone trying the demo before
 * opening still takes one and is told honestly that the counters open at 8:00, while the others
 * show when they start issuing; cash stops taking tickets 30 minutes before closing (取號截止 19:30),
 * and wealth management (E) takes at most 40 tickets a day (限號).
 * Tests seed without it: their branch issues at any hour, as a branch without a calendar does.
 */
export const DEMO_CALENDAR: OperatingCalendar = {
  weekdays: Array.from({ length: 7 }, () => ({ opensAt: '08:00', closesAt: '20:00', lunchFrom: null, lunchUntil: null })),
  specialDays: [],
  services: [
    { serviceId: demoServiceId('A'), issueFrom: '00:00', cutOffMinutes: 30, dailyQuota: null },
    { serviceId: demoServiceId('B'), issueFrom: '00:00', cutOffMinutes: null, dailyQuota: null },
    { serviceId: demoServiceId('C'), issueFrom: '00:00', cutOffMinutes: null, dailyQuota: null },
    { serviceId: demoServiceId('E'), issueFrom: null, cutOffMinutes: null, dailyQuota: 40 },
  ],
};

/** Creates the demo branch with its staff, counters, machines and device tokens; `calendar` when given (npm start gives DEMO_CALENDAR). */
export async function seedDemoBranch(db: Kysely<Database>, clock: Clock, options: { calendar?: OperatingCalendar } = {}): Promise<void> {
  const now = clock.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('branches')
      .values({
        id: DEMO_BRANCH_ID,
        name_en: 'Demo Branch',
        name_zh_hant: '示範支行',
        name_zh_hans: '示范支行',
        time_zone: 'Asia/Shanghai',
        default_locale: 'zh-Hant',
        settings: JSON.stringify(options.calendar ? { ...DEFAULT_SETTINGS, calendar: options.calendar } : DEFAULT_SETTINGS),
        last_seq: 0,
        created_at: now,
      })
      .execute();

    const serviceIds = new Map<string, string>();
    for (const [i, s] of DEMO_SERVICES.entries()) {
      const id = demoServiceId(s.prefix);
      serviceIds.set(s.prefix, id);
      await trx
        .insertInto('services')
        .values({
          id,
          branch_id: DEMO_BRANCH_ID,
          prefix: s.prefix,
          name_en: s.en,
          name_zh_hant: s.zhHant,
          name_zh_hans: s.zhHans,
          self_service_kind: s.selfService,
          target_wait_seconds: s.targetMinutes * 60,
          default_service_seconds: s.serviceMinutes * 60,
          icon: s.icon,
          sort_order: i,
          active: 1,
        })
        .execute();
    }

    for (const c of DEMO_COUNTERS) {
      const id = demoCounterId(c.number);
      await trx
        .insertInto('counters')
        .values({
          id,
          branch_id: DEMO_BRANCH_ID,
          number: c.number,
          vip: c.vip ? 1 : 0,
          low_counter: c.low ? 1 : 0,
          status: 'closed',
          teller_id: null,
          current_ticket_id: null,
          status_changed_at: now,
        })
        .execute();
      await trx
        .insertInto('counter_services')
        .values([...c.serves].map((prefix) => ({ branch_id: DEMO_BRANCH_ID, counter_id: id, service_id: serviceIds.get(prefix)! })))
        .execute();
    }

    await trx
      .insertInto('machines')
      .values(
        DEMO_MACHINES.map((m) => ({ id: newId(), branch_id: DEMO_BRANCH_ID, kind: m.kind, label: m.label, name_zh_hant: m.zhHant, name_zh_hans: m.zhHans, in_service: 1 })),
      )
      .execute();

    const users = [
      { username: 'admin', display_name: 'Administrator', role: 'admin' as const, branch_id: null },
      { username: 'manager', display_name: 'Lobby manager 大堂經理', role: 'manager' as const, branch_id: DEMO_BRANCH_ID },
      { username: 'wealth1', display_name: 'Wealth manager 理財經理', role: 'account_manager' as const, branch_id: DEMO_BRANCH_ID },
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ username: `teller${n}`, display_name: `Teller ${n}`, role: 'teller' as const, branch_id: DEMO_BRANCH_ID })),
    ];
    await trx
      .insertInto('users')
      .values(users.map((u) => ({ ...u, id: newId(), password_hash: passwordHash, active: 1, created_at: now })))
      .execute();

    await trx
      .insertInto('device_tokens')
      .values(
        (['kiosk', 'display'] as const).map((kind) => ({
          id: newId(),
          branch_id: DEMO_BRANCH_ID,
          kind,
          label: `Demo ${kind}`,
          token_hash: hashToken(DEMO_DEVICE_TOKENS[kind]),
          created_at: now,
          revoked_at: null,
        })),
      )
      .execute();

    await seedDemoNotices(trx, DEMO_BRANCH_ID, now);
  });
}

/** Outside demo mode: the first admin, with the password from LOBBYFLOW_ADMIN_PASSWORD. */
export async function seedFirstAdmin(db: Kysely<Database>, clock: Clock, password: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: newId(),
      branch_id: null,
      username: 'admin',
      display_name: 'Administrator',
      role: 'admin',
      password_hash: await hashPassword(password),
      active: 1,
      created_at: clock.now().toISOString(),
    })
    .execute();
}
