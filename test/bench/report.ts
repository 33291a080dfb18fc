/** Rows of the bench table: each lobbyflow figure beside its ceiling, medians of the repetitions, the ratio. */
import { median } from './harness.js';

export interface Measure {
  /** One value per repetition; null when that repetition failed or timed out. */
  runs: (number | null)[];
  median: number | null;
  /** Why values are missing (e.g. "timed out after 90 s"), or other remarks. */
  note?: string;
}

export interface Row {
  figure: string;
  unit: 'req/s' | 'ms' | 'MB' | 'KB' | 's' | 'count';
  lobbyflow: Measure;
  ceiling?: Measure;
  /** What the ceiling column is for this row. */
  ceilingLabel?: string;
  /** lobbyflow ÷ ceiling. */
  ratio: number | null;
  /** The target, as text, when there is one. */
  target?: string;
  /** Whether the target is met (null: could not tell). */
  meets?: boolean | null;
  notes?: string[];
}

export function measure(runs: (number | null)[], note?: string): Measure {
  return { runs, median: median(runs), note };
}

export interface RowInput {
  figure: string;
  unit: Row['unit'];
  lobbyflow: Measure;
  ceiling?: Measure;
  ceilingLabel?: string;
  target?: { text: string; check: (row: { lobbyflow: number | null; ceiling: number | null; ratio: number | null }) => boolean | null };
  notes?: string[];
}

export function row(input: RowInput): Row {
  const l = input.lobbyflow.median;
  const c = input.ceiling?.median ?? null;
  const ratio = l !== null && c !== null && c !== 0 ? l / c : null;
  return {
    figure: input.figure,
    unit: input.unit,
    lobbyflow: input.lobbyflow,
    ceiling: input.ceiling,
    ceilingLabel: input.ceilingLabel,
    ratio,
    target: input.target?.text,
    meets: input.target ? input.target.check({ lobbyflow: l, ceiling: c, ratio }) : undefined,
    notes: input.notes,
  };
}

/** A row for a figure that could not be measured at all. */
export function failedRow(figure: string, unit: Row['unit'], why: string): Row {
  return row({ figure, unit, lobbyflow: measure([null], why) });
}

function formatValue(value: number | null, unit: Row['unit']): string {
  if (value === null) return '—';
  const digits = unit === 'ms' ? (value < 10 ? 2 : value < 100 ? 1 : 0) : unit === 's' ? 2 : unit === 'MB' ? 1 : unit === 'KB' ? 1 : 0;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit === 'count' ? '' : unit}`.trim();
}

function formatMeasure(m: Measure | undefined, unit: Row['unit']): string {
  if (!m) return '';
  if (m.median === null) return m.note ?? '—';
  return formatValue(m.median, unit);
}

function formatRuns(m: Measure | undefined, unit: Row['unit']): string {
  if (!m) return '';
  const runs = m.runs.map((v) => (v === null ? '✗' : formatValue(v, unit).replace(` ${unit}`, ''))).join(' / ');
  return m.note && m.median !== null ? `${runs} (${m.note})` : runs;
}

function table(header: string[], rawLines: string[][]): string {
  // A "|" inside a cell (e.g. in an error message) would break the Markdown table.
  const lines = rawLines.map((l) => l.map((c) => c.replaceAll('|', '/')));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [fmt(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt)].join('\n');
}

/** The main table (figure | lobbyflow | ceiling | ratio | target) in Markdown, readable on a terminal too. */
export function mainTable(rows: Row[]): string {
  return table(
    ['figure', 'lobbyflow', 'ceiling', 'ceiling is', 'ratio', 'target', 'met'],
    rows.map((r) => [
      r.figure,
      formatMeasure(r.lobbyflow, r.unit),
      formatMeasure(r.ceiling, r.unit),
      r.ceilingLabel ?? '',
      r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
      r.target ?? '',
      r.meets === undefined ? '' : r.meets === null ? '?' : r.meets ? 'yes' : 'no',
    ]),
  );
}

/** Every repetition's value behind the medians. */
export function runsTable(rows: Row[]): string {
  return table(
    ['figure', 'lobbyflow runs', 'ceiling runs', 'notes'],
    rows.map((r) => [r.figure, formatRuns(r.lobbyflow, r.unit), formatRuns(r.ceiling, r.unit), (r.notes ?? []).join('; ')]),
  );
}
