/** The demo branch that `npm start` creates on an empty database, and the first admin outside demo mode. */
import { newId } from '../lib/ids.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { MachineKind } from '../../../protocol/schemas.js';
import type { Clock } from '../lib/clock.js';
import { hashPassword } from '../lib/password.js';
import { hashToken } from '../lib/tokens.js';
import { DEFAULT_SETTINGS } from '../repositories/mappers.js';
import { seedDemoNotices } from './demo-notices.js';

export const DEMO_BRANCH_ID = 'demo';
export const DEMO_PASSWORD = 'demo';
export const DEMO_DEVICE_TOKENS = { kiosk: 'demo-kiosk', display: 'demo-display' } as const;

interface ServiceSeed {
  prefix: string;
  en: string;
  zhHant: string;
  zhHans: string;
  selfService: MachineKind | null;
  targetMinutes: number;
  serviceMinutes: number;
  icon: string;
}

export const DEMO_SERVICES: ServiceSeed[] = [
  { prefix: 'A', en: 'Cash & deposits', zhHant: '現金存取', zhHans: '现金存取', selfService: 'atm', targetMinutes: 10, serviceMinutes: 4, icon: '💴' },
  { prefix: 'B', en: 'Transfers & remittance', zhHant: '轉賬匯款', zhHans: '转账汇款', selfService: 'self_service_terminal', targetMinutes: 10, serviceMinutes: 6, icon: '🔁' },
  { prefix: 'C', en: 'Cards & accounts', zhHant: '卡務及賬戶', zhHans: '卡务及账户', selfService: 'self_service_terminal', targetMinutes: 15, serviceMinutes: 7, icon: '💳' },
  { prefix: 'D', en: 'Foreign exchange', zhHant: '外幣兌換', zhHans: '外币兑换', selfService: null, targetMinutes: 15, serviceMinutes: 5, icon: '💱' },
  { prefix: 'E', en: 'Wealth management & loans', zhHant: '理財及貸款', zhHans: '理财及贷款', selfService: null, targetMinutes: 20, serviceMinutes: 15, icon: '📈' },
  { prefix: 'V', en: 'VIP banking', zhHant: '貴賓服務', zhHans: '贵宾服务', selfService: null, targetMinutes: 5, serviceMinutes: 10, icon: '⭐' },
];

/** Counter number → the prefixes it serves; 5 is the low counter, 6 the VIP counter. */
const DEMO_COUNTERS: { number: number; serves: string; vip?: boolean; low?: boolean }[] = [
  { number: 1, serves: 'ABD' },
  { number: 2, serves: 'ABD' },
  { number: 3, serves: 'ABC' },
  { number: 4, serves: 'ABCD' },
  { number: 5, serves: 'CE', low: true },
  { number: 6, serves: 'VABCDE', vip: true },
];

const DEMO_MACHINES: { kind: MachineKind; label: string }[] = [
  { kind: 'atm', label: 'ATM 1' },
  { kind: 'atm', label: 'ATM 2' },
  { kind: 'atm', label: 'ATM 3' },
  { kind: 'self_service_terminal', label: 'Self-service terminal 1' },
  { kind: 'self_service_terminal', label: 'Self-service terminal 2' },
];

/** Whether any branch exists yet. */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('branches').select('id').limit(1).executeTakeFirst()) === undefined;
}

/** Creates the demo branch with its staff, counters, machines and device tokens. */
export async function seedDemoBranch(db: Kysely<Database>, clock: Clock): Promise<void> {
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
        settings: JSON.stringify(DEFAULT_SETTINGS),
        last_seq: 0,
        created_at: now,
      })
      .execute();

    const serviceIds = new Map<string, string>();
    for (const [i, s] of DEMO_SERVICES.entries()) {
      const id = `${DEMO_BRANCH_ID}-${s.prefix.toLowerCase()}`;
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
      const id = `${DEMO_BRANCH_ID}-counter-${c.number}`;
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
      .values(DEMO_MACHINES.map((m) => ({ id: newId(), branch_id: DEMO_BRANCH_ID, kind: m.kind, label: m.label, in_service: 1 })))
      .execute();

    const users = [
      { username: 'admin', display_name: 'Administrator', role: 'admin' as const, branch_id: null },
      { username: 'manager', display_name: 'Lobby manager 大堂經理', role: 'manager' as const, branch_id: DEMO_BRANCH_ID },
      ...[1, 2, 3, 4, 5, 6].map((n) => ({ username: `teller${n}`, display_name: `Teller ${n}`, role: 'teller' as const, branch_id: DEMO_BRANCH_ID })),
    ];
    await trx
      .insertInto('users')
      .values(users.map((u) => ({ ...u, id: newId(), password_hash: passwordHash, active: 1, created_at: now })))
      .execute();

    await trx
      .insertInto('device_tokens')
      .values(
        Object.entries(DEMO_DEVICE_TOKENS).map(([kind, token]) => ({
          id: newId(),
          branch_id: DEMO_BRANCH_ID,
          kind,
          label: `Demo ${kind}`,
          token_hash: hashToken(token),
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
