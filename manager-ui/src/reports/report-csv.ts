/**
 * Tables as CSV files Excel opens correctly: UTF-8 with a byte order mark (without it Excel reads
 * Chinese as the system's code page), written by csv-stringify, offered as a download.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { ReportPeriod } from './report-period.js';

/** The UTF-8 byte order mark, as the first character of the text. */
export const BOM = '\uFEFF';

export type CsvCell = string | number | null;

/** The CSV text: the byte order mark, the header line, one line per row; empty cells for null. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + stringify([header as string[], ...rows.map((row) => row.map((cell) => (cell === null ? '' : cell)))], { record_delimiter: 'windows' });
}

/** lobbyflow-demo-figures-2026-11-01-2026-11-30.csv: the branch, the table and the period. */
export function csvFileName(branchCode: string, table: string, period: ReportPeriod): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'branch';
  return `lobbyflow-${safe(branchCode)}-${table}-${period.from}-${period.to}.csv`;
}

/** Offers the text as a file download (a Blob behind a temporary link). */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task has run.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
