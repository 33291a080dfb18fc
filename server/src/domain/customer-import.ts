/**
 * Checking a CSV of customers exported by the core banking system, row by row, before anything is
 * written: every row gets the list of what is wrong with it, and only rows with no problem are
 * imported. Pure: the caller gives the key, the branch's managers and the numbers already on its sheet.
 */
import { parse } from 'csv-parse/sync';
import { CUSTOMER_LIMITS, type ImportProblem } from '../../../protocol/customer-routes.js';
import { CUSTOMER_TIERS, type CustomerTier } from '../../../protocol/record-kinds.js';
import { customerNumberHash, customerNumberHint, normaliseCustomerNumber } from './customer-number.js';

/** The columns an import reads; others are ignored. `number` and `name` must be there. */
export const IMPORT_COLUMNS = ['name', 'number', 'tier', 'phone', 'needs', 'manager'] as const;

export interface ImportManager {
  id: string;
  displayName: string;
}

/** One row as checked: what would be written, and what stops it. */
export interface CheckedRow {
  line: number;
  name: string;
  numberHash: string | null;
  numberHint: string;
  tier: CustomerTier | null;
  phone: string | null;
  needs: string | null;
  manager: ImportManager | null;
  problems: ImportProblem[];
}

export type ParsedCsv = { ok: true; records: { line: number; fields: Record<string, string> }[] } | { ok: false; problem: string };

/**
 * Reads the CSV: a header row naming the columns (any case, a BOM allowed), then one customer per
 * row. Tiers may be written vip / valued / potential, or in Chinese (貴賓/贵宾, 優質/优质, 潛在/潜在).
 */
export function parseCustomerCsv(csv: string): ParsedCsv {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    return { ok: false, problem: `the file is not readable CSV: ${(err as Error).message.split('\n')[0]}` };
  }
  const [header, ...body] = rows;
  const columns = (header ?? []).map((c) => c.toLowerCase());
  const missing = ['name', 'number'].filter((c) => !columns.includes(c));
  if (missing.length > 0) return { ok: false, problem: `the header row must name the columns ${IMPORT_COLUMNS.join(', ')}; missing: ${missing.join(', ')}` };
  if (body.length > CUSTOMER_LIMITS.importRows) return { ok: false, problem: `at most ${CUSTOMER_LIMITS.importRows} customers per import` };
  return {
    ok: true,
    // Lines as a person counts them in the file, the header being line 1 (blank lines are skipped).
    records: body.map((cells, i) => ({ line: i + 2, fields: Object.fromEntries(columns.map((column, c) => [column, cells[c] ?? ''])) })),
  };
}

const TIER_WORDS: Record<string, CustomerTier> = {
  貴賓: 'vip',
  贵宾: 'vip',
  優質: 'valued',
  优质: 'valued',
  潛在: 'potential',
  潜在: 'potential',
};

/** A tier as a CSV may write it; an empty cell is a potential customer. */
export function importTier(text: string): CustomerTier | null {
  const word = text.trim().toLowerCase();
  if (word === '') return 'potential';
  if ((CUSTOMER_TIERS as readonly string[]).includes(word)) return word as CustomerTier;
  return TIER_WORDS[word] ?? null;
}

const PHONE = new RegExp(CUSTOMER_LIMITS.phonePattern);

/** Checks every row: its own fields, then duplicates within the file (the sheet's are `markOnSheet`'s). */
export function checkImportRows(
  records: readonly { line: number; fields: Record<string, string> }[],
  context: { key: Buffer; managers: ReadonlyMap<string, ImportManager> },
): CheckedRow[] {
  const checked = records.map(({ line, fields }): CheckedRow => {
    const problems: ImportProblem[] = [];
    const name = (fields.name ?? '').trim();
    if (name === '') problems.push('name_missing');
    else if (name.length > CUSTOMER_LIMITS.nameLength) problems.push('name_too_long');
    const number = normaliseCustomerNumber(fields.number ?? '');
    if (!number.ok) problems.push('number_invalid');
    const tier = importTier(fields.tier ?? '');
    if (!tier) problems.push('tier_invalid');
    const phone = (fields.phone ?? '').trim() || null;
    if (phone !== null && !PHONE.test(phone)) problems.push('phone_invalid');
    const needs = (fields.needs ?? '').trim() || null;
    if (needs !== null && needs.length > CUSTOMER_LIMITS.needsLength) problems.push('needs_too_long');
    const username = (fields.manager ?? '').trim().toLowerCase();
    const manager = username === '' ? null : (context.managers.get(username) ?? null);
    if (username !== '' && !manager) problems.push('manager_unknown');
    return {
      line,
      name: name.slice(0, CUSTOMER_LIMITS.nameLength),
      numberHash: number.ok ? customerNumberHash(context.key, number.digits) : null,
      numberHint: number.ok ? customerNumberHint(number.digits) : '',
      tier,
      phone,
      needs,
      manager,
      problems,
    };
  });
  const seen = new Set<string>();
  for (const row of checked) {
    if (row.numberHash === null) continue;
    if (seen.has(row.numberHash)) row.problems.push('duplicate_in_file');
    seen.add(row.numberHash);
  }
  return checked;
}

/** The numbers of the checked rows, to ask the sheet which it holds. */
export const importedHashes = (rows: readonly CheckedRow[]): string[] => [...new Set(rows.flatMap((r) => (r.numberHash ? [r.numberHash] : [])))];

/** Marks the rows whose number the sheet already holds (mutates `rows`). */
export function markOnSheet(rows: CheckedRow[], onSheet: ReadonlySet<string>): CheckedRow[] {
  for (const row of rows) if (row.numberHash !== null && onSheet.has(row.numberHash)) row.problems.push('duplicate_on_sheet');
  return rows;
}
