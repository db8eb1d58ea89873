import type { ValidationReport } from '../data/ingest/validation-report.ts';

const MARK = { ingested: '✔', rejected: '✖', skipped: '↷' } as const;

/** The few lines a person reads after an ingest; the full story is in the report files. */
export function formatReportSummary(report: ValidationReport): string {
  const lines = [
    `${MARK[report.outcome]} ${report.table} ${report.outcome}: ${report.file}`,
    `  batch ${report.batchId}` +
      (report.dateRange ? `  dates ${report.dateRange.min} … ${report.dateRange.max}` : ''),
  ];
  if (report.outcome === 'skipped') {
    lines.push(`  already ingested as ${report.previousBatchId}`);
    return lines.join('\n');
  }
  lines.push(
    `  rows: ${report.rows.read.toLocaleString('en')} read, ${report.rows.accepted.toLocaleString('en')} accepted, ` +
      `${report.rows.quarantined.toLocaleString('en')} quarantined  (${report.durationMs} ms)`,
  );
  for (const problem of report.fatal) lines.push(`  FATAL ${problem.check}: ${problem.message}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  const flagged = report.checks.filter((c) => c.count > 0);
  if (flagged.length > 0) {
    const width = Math.max(...flagged.map((c) => c.id.length));
    for (const check of flagged) {
      lines.push(
        `  ${check.id.padEnd(width)}  ${check.severity.padEnd(10)} ${String(check.count).padStart(8)}  ${check.policy}`,
      );
    }
  }
  if (report.reportPaths) lines.push(`  report: ${report.reportPaths.html}`);
  return lines.join('\n');
}
