import type { Alert } from '../../api/contract.ts';
import type { I18n } from '../../i18n/i18n-context.tsx';

type Words = Pick<I18n, 't' | 'num' | 'pct'>;
type Details = Readonly<Record<string, unknown>>;

const numberAt = (d: Details, key: string): number | undefined =>
  typeof d[key] === 'number' && Number.isFinite(d[key]) ? d[key] : undefined;
const textAt = (d: Details, key: string): string | undefined =>
  typeof d[key] === 'string' ? d[key] : undefined;
/** A file as its owner named it: the folder or bucket it landed in says nothing new here. */
const baseName = (file: string): string => file.slice(file.lastIndexOf('/') + 1);

/** One sentence per firing rule, from the alert's details; undefined when the details lack a figure. */
const FIRING: Readonly<Record<string, (d: Details, w: Words) => string | undefined>> = {
  weekly_run_failed: (d, w) => {
    const run = textAt(d, 'run_id');
    return run === undefined ? undefined : w.t('alerts.summary.weekly_run_failed', { run });
  },
  batch_rejected: (d, w) => {
    const files = Array.isArray(d.files) ? d.files.filter((f): f is string => typeof f === 'string') : [];
    if (files.length === 0) return undefined;
    return w.t('alerts.summary.batch_rejected', {
      n: w.num(files.length),
      files: files.map(baseName).join(', '),
    });
  },
  dataset_drift: (d, w) => {
    const week = textAt(d, 'week');
    return week === undefined ? undefined : w.t('alerts.summary.dataset_drift', { week });
  },
  stale_data: (d, w) => {
    const days = numberAt(d, 'days_since_batch');
    return days === undefined ? undefined : w.t('alerts.summary.stale_data', { days: w.num(days, 1) });
  },
  late_source_rows: (d, w) => {
    const rows = numberAt(d, 'rows');
    const sources = Array.isArray(d.sources) ? (d.sources as readonly Details[]) : [];
    const watermarks = sources.map((s) => textAt(s, 'watermark')).filter((x): x is string => x !== undefined);
    if (rows === undefined || watermarks.length === 0) return undefined;
    return w.t('alerts.summary.late_source_rows', { rows: w.num(rows), watermark: watermarks.join(', ') });
  },
  missing_weeks: (d, w) => {
    const weeks = Array.isArray(d.weeks) ? d.weeks.filter((x): x is string => typeof x === 'string') : [];
    return weeks.length === 0 ? undefined : w.t('alerts.summary.missing_weeks', { weeks: weeks.join(', ') });
  },
  gate_rejections: (d, w) => {
    const n = numberAt(d, 'rejected_in_a_row');
    return n === undefined ? undefined : w.t('alerts.summary.gate_rejections', { n });
  },
  api_error_rate: (d, w) => {
    const rate = numberAt(d, 'rate');
    const requests = numberAt(d, 'requests');
    const bound = numberAt(d, 'bound');
    if (rate === undefined || requests === undefined || bound === undefined) return undefined;
    return w.t('alerts.summary.api_error_rate', {
      rate: w.pct(rate, 1),
      requests: w.num(requests),
      bound: w.pct(bound, 1),
    });
  },
  api_latency: (d, w) => {
    const p99 = numberAt(d, 'p99_ms');
    const bound = numberAt(d, 'bound_ms');
    if (p99 === undefined || bound === undefined) return undefined;
    return w.t('alerts.summary.api_latency', { p99: w.num(p99), bound: w.num(bound) });
  },
  prediction_log_drops: (d, w) => {
    const n = numberAt(d, 'dropped_since_last_check');
    const total = numberAt(d, 'dropped_total');
    if (n === undefined || total === undefined) return undefined;
    return w.t('alerts.summary.prediction_log_drops', { n: w.num(n), total: w.num(total) });
  },
  realized_below_rule: (d, w) => {
    const version = numberAt(d, 'version');
    const weeks = Array.isArray(d.weeks) ? (d.weeks as readonly Details[]) : [];
    const last = weeks.at(-1);
    const week = last ? textAt(last, 'week') : undefined;
    const f1 = last ? numberAt(last, 'f1') : undefined;
    const rule = last ? numberAt(last, 'best_rule_f1') : undefined;
    if (version === undefined || week === undefined || f1 === undefined || rule === undefined)
      return undefined;
    return w.t('alerts.summary.realized_below_rule', {
      version,
      n: weeks.length,
      week,
      f1: w.num(f1, 3),
      rule: w.num(rule, 3),
    });
  },
  realized_below_test: (d, w) => {
    const version = numberAt(d, 'version');
    const week = textAt(d, 'week');
    const f1 = numberAt(d, 'f1');
    const test = numberAt(d, 'test_f1');
    if (version === undefined || week === undefined || f1 === undefined || test === undefined)
      return undefined;
    return w.t('alerts.summary.realized_below_test', {
      version,
      week,
      f1: w.num(f1, 3),
      test: w.num(test, 3),
    });
  },
};

/**
 * The alert's sentence in the reader's language, built from its details. The server's own sentence
 * (English, with the same figures) is the fallback for a rule or a detail shape the UI has no words
 * for, so a new rule still shows something true.
 */
export function alertSummary(alert: Alert, words: Words): string {
  const known = FIRING[alert.rule];
  if (known && alert.state === 'resolved') return words.t('alerts.summary.resolved');
  return (
    known?.(alert.details, words) ??
    (alert.state === 'resolved' ? (alert.resolution ?? alert.summary) : alert.summary)
  );
}
