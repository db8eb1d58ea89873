/**
 * Renders rows as a left-aligned text table with a header rule; every cell is already a string.
 *
 * @example
 * import { formatTable } from '@sodai/tracking';
 * formatTable(['A', 'B'], [['1', 'two']]);
 * // "A  B  \n-  ---\n1  two"
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Epoch ms as `YYYY-MM-DD HH:MM:SS` UTC, or `-`. */
export function formatTime(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** A duration in ms as `1h02m`, `3m05s`, `12.3s`, or `-`. */
export function formatDuration(ms: number | null): string {
  if (ms === null || ms < 0) return '-';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Numbers with at most 6 significant digits, trailing zeros trimmed; `-` when absent. */
export function formatNumber(v: number | undefined): string {
  if (v === undefined) return '-';
  if (Number.isInteger(v)) return String(v);
  return Number(v.toPrecision(6)).toString();
}
