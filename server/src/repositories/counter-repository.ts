import type { CounterTable } from '../../../db/schema.js';
import type { Counter } from '../../../protocol/schemas.js';
import type { Db } from './db.js';
import { toCounter } from './mappers.js';
import type { Updateable } from 'kysely';

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

export async function findCounterOfTeller(db: Db, tellerId: string): Promise<Counter | undefined> {
  const [counter] = await withServices(
    db,
    await baseQuery(db).where('counters.teller_id', '=', tellerId).where('counters.status', '!=', 'closed').execute(),
  );
  return counter;
}

export async function updateCounter(db: Db, counterId: string, changes: Updateable<CounterTable>): Promise<void> {
  await db.updateTable('counters').set(changes).where('id', '=', counterId).execute();
}
