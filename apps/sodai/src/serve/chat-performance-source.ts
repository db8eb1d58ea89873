import type { PerformanceSource, RealizedWeek as ChatRealizedWeek } from '../chat/performance-source.ts';
import { groupRealizedRows } from '../monitor/realized-performance.ts';
import type { MonitorRecords } from '../store/catalog/monitor-records.ts';

/**
 * The chat's realized performance, from the weeks `score_realized` scored: for each week, the model
 * version that predicted it (the newest one when several did). Weeks a rule served while no model
 * had passed the gate are left out: the assistant speaks of model versions.
 *
 * @example
 * new ChatAssistant({ …, performance: realizedPerformanceSource(store.shared.catalog.monitor) });
 */
export function realizedPerformanceSource(records: MonitorRecords): PerformanceSource {
  return {
    async weeks(options = {}) {
      const weeks: ChatRealizedWeek[] = [];
      // Only the realized rows: what each version expected of a week is not asked here.
      for (const week of groupRealizedRows(await records.realized())) {
        const served = week.served.find(
          (s) =>
            s.scorer === 'model' &&
            (options.modelVersion === undefined || s.version === options.modelVersion),
        );
        if (!served) continue;
        const m = served.metrics;
        weeks.push({
          week: week.week,
          modelVersion: served.version,
          f1: m.f1 ?? 0,
          precision: m.precision ?? 0,
          recall: m.recall ?? 0,
          // F1 is measured over the pairs predicted or bought.
          pairs: (m.predicted ?? 0) + (m.purchased ?? 0) - (m.hits ?? 0),
          // Rules are stored as `rule:<name>`; the chat names them as the gate does.
          rules: week.rules.map((r) => ({ name: r.scorer.replace(/^rule:/, ''), f1: r.metrics.f1 ?? 0 })),
        });
      }
      return options.limit === undefined ? weeks : weeks.slice(-options.limit);
    },
  };
}
