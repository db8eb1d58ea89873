import { writeFileAtomic } from '../../store/atomic-write.ts';
import type { ValidationReport } from './validation-report.ts';

function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const OUTCOME_WORDS = {
  ingested: 'Ingested',
  rejected: 'Rejected — nothing was stored',
  skipped: 'Skipped — this exact file was already ingested',
} as const;

/** A self-contained page a data owner can open from the report folder. */
export function renderReportHtml(report: ValidationReport): string {
  const checkRows = report.checks
    .map(
      (c) => `<tr class="${c.count > 0 ? c.severity : 'ok'}">
  <td><code>${escapeHtml(c.id)}</code></td><td>${escapeHtml(c.severity)}</td>
  <td class="num">${c.count.toLocaleString('en')}</td><td>${escapeHtml(c.description)}</td><td>${escapeHtml(c.policy)}</td>
</tr>${
        c.examples.length > 0
          ? `<tr class="examples"><td colspan="5"><details><summary>First ${c.examples.length} rows</summary><ul>${c.examples
              .map(
                (e) =>
                  `<li>row ${e.row}: ${escapeHtml(e.detail)} <code>${escapeHtml(JSON.stringify(e.record))}</code></li>`,
              )
              .join('')}</ul></details></td></tr>`
          : ''
      }`,
    )
    .join('\n');
  const fatal = report.fatal
    .map((f) => `<li><code>${escapeHtml(f.check)}</code> ${escapeHtml(f.message)}</li>`)
    .join('');
  const warnings = report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Validation report ${escapeHtml(report.batchId)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1d2330}
h1{font-size:1.4rem} table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #dde;padding:.35rem .5rem;text-align:left;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums} .quarantine td:first-child{border-left:4px solid #c0392b}
.warn td:first-child{border-left:4px solid #e6a700} .info td:first-child{border-left:4px solid #2e86de} .ok{color:#778}
.outcome{display:inline-block;padding:.2rem .6rem;border-radius:4px;background:#eef} .rejected{background:#fde2e0} .ingested{background:#e0f5e6}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem} dt{font-weight:600}
</style></head><body>
<h1>Validation report</h1>
<p class="outcome ${report.outcome}">${OUTCOME_WORDS[report.outcome]}</p>
<p>${escapeHtml(report.message)}</p>
<dl>
<dt>File</dt><dd>${escapeHtml(report.file)}</dd>
<dt>Table</dt><dd>${escapeHtml(report.table)}</dd>
<dt>Batch</dt><dd><code>${escapeHtml(report.batchId)}</code></dd>
<dt>SHA-256</dt><dd><code>${escapeHtml(report.sha256)}</code></dd>
<dt>Rows</dt><dd>${report.rows.read.toLocaleString('en')} read, ${report.rows.accepted.toLocaleString('en')} accepted, ${report.rows.quarantined.toLocaleString('en')} quarantined</dd>
<dt>Dates</dt><dd>${report.dateRange ? `${report.dateRange.min} … ${report.dateRange.max}` : '—'}</dd>
<dt>As of</dt><dd>${escapeHtml(report.asOf)}</dd>
<dt>Started</dt><dd>${escapeHtml(report.startedAt)} (${report.durationMs} ms)</dd>
</dl>
${fatal ? `<h2>Why the batch was rejected</h2><ul>${fatal}</ul>` : ''}
${warnings ? `<h2>Warnings</h2><ul>${warnings}</ul>` : ''}
${report.checks.length > 0 ? `<h2>Checks</h2><table><thead><tr><th>Check</th><th>Severity</th><th class="num">Rows</th><th>What it looks for</th><th>Policy</th></tr></thead><tbody>\n${checkRows}\n</tbody></table>` : ''}
</body></html>
`;
}

/** Writes the report as JSON and HTML; returns where. */
export function writeReport(
  report: ValidationReport,
  paths: { json: string; html: string },
): { json: string; html: string } {
  writeFileAtomic(paths.json, `${JSON.stringify({ ...report, reportPaths: paths }, null, 2)}\n`);
  writeFileAtomic(paths.html, renderReportHtml(report));
  return paths;
}
