/**
 * The few SQL expressions the report figures need that SQLite and PostgreSQL write differently:
 * the seconds between two timestamps and a text field of a JSON column. Everything else in the
 * figures' queries is standard SQL (window functions included), so only these change dialect.
 */
import { PostgresAdapter, sql, type Expression, type RawBuilder } from 'kysely';
import type { Db } from './db.js';

/** Whether the database is PostgreSQL (otherwise SQLite, as today). */
export const isPostgres = (db: Db): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Seconds from `start` to `end` (UTC ISO text columns), to the millisecond; null when either is
 * null. SQLite has no interval type: julianday's fraction of a day, rounded to the millisecond.
 */
export function secondsBetween(db: Db, start: Expression<string | null>, end: Expression<string | null>): RawBuilder<number | null> {
  if (isPostgres(db)) return sql<number | null>`round(extract(epoch from (${end}::timestamptz - ${start}::timestamptz))::numeric, 3)::float8`;
  return sql<number | null>`round((julianday(${end}) - julianday(${start})) * 86400.0, 3)`;
}

/** The text at `path` (dot-separated keys, e.g. `counter.tellerId`) of a JSON text column; null when absent. */
export function jsonText(db: Db, column: Expression<string | null>, path: string): RawBuilder<string | null> {
  const keys = path.split('.');
  if (isPostgres(db)) return sql<string | null>`(${column}::jsonb #>> ${`{${keys.join(',')}}`})`;
  return sql<string | null>`json_extract(${column}, ${`$.${keys.join('.')}`})`;
}

/**
 * How many items of the branch's opening and closing checks of business days `from`…`to` were
 * found faulty, machines left out (a machine's fault is counted with the machines): the work
 * diary's rule, item `ok` exactly false and no `machineId`. A row whose JSON is not an array counts none.
 */
export async function countFaultyCheckItems(db: Db, branchId: string, from: string, to: string): Promise<number> {
  const query = isPostgres(db)
    ? // PostgreSQL: the column holds valid JSON (the application writes it).
      sql<{ n: number | string }>`select count(*) as n from hall_checks hc
        cross join lateral jsonb_array_elements(case when jsonb_typeof(hc.items::jsonb) = 'array' then hc.items::jsonb else '[]'::jsonb end) as item(value)
        where hc.branch_id = ${branchId} and hc.business_day >= ${from} and hc.business_day <= ${to}
          and item.value -> 'ok' = 'false'::jsonb and coalesce(item.value ->> 'machineId', '') = ''`
    : sql<{ n: number | string }>`select count(*) as n from hall_checks hc,
        json_each(case when json_valid(hc.items) and json_type(hc.items) = 'array' then hc.items else '[]' end) as item
        where hc.branch_id = ${branchId} and hc.business_day >= ${from} and hc.business_day <= ${to}
          and json_type(hc.items, '$[' || item.key || '].ok') = 'false'
          and coalesce(json_extract(hc.items, '$[' || item.key || '].machineId'), '') = ''`;
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}
