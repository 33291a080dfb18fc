import type { Counter } from '../../../protocol/schemas.js';
import type { Db } from './db.js';
import { toCounter } from './mappers.js';

function baseQuery(db: Db) {
  return db
    .selectFrom('counters')
    .leftJoin('users', 'users.id', 'counters.teller_id')
    .selectAll('counters')
    .select('users.display_name as teller_name');
}

async function withServices(db: Db, rows: Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>): Promise<Counter[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('counter_services')
    .innerJoin('services', 'services.id', 'counter_services.service_id')
    .select(['counter_services.counter_id', 'counter_services.service_id'])
    .where(
      'counter_services.counter_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('services.sort_order')
    .execute();
  return rows.map(({ teller_name, ...row }) =>
    toCounter(
      row,
      links.filter((l) => l.counter_id === row.id).map((l) => l.service_id),
      teller_name ?? null,
    ),
  );
}

export async function listCounters(db: Db, branchId: string): Promise<Counter[]> {
  return withServices(db, await baseQuery(db).where('counters.branch_id', '=', branchId).orderBy('counters.number').execute());
}

export async function findCounter(db: Db, counterId: string): Promise<Counter | undefined> {
  const [counter] = await withServices(db, await baseQuery(db).where('counters.id', '=', counterId).execute());
  return counter;
}

/** The branch a counter belongs to. */
export async function findCounterBranch(db: Db, counterId: string): Promise<string | undefined> {
  const row = await db.selectFrom('counters').select('branch_id').where('id', '=', counterId).executeTakeFirst();
  return row?.branch_id;
}
