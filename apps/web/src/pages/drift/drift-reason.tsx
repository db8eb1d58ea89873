import type { ColumnDrift, DriftFile } from '../../api/report-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { FeatureNamer } from './feature-label.ts';

/** How many of a week's changed facts are named in its verdict (the table below lists them all). */
const NAMED = 3;

/**
 * A week's drift verdict in the reader's words, from the report's figures rather than the server's
 * English sentence: how many facts changed, and those that changed most.
 */
export function DriftReason({ file, nameOf }: { file: DriftFile; nameOf: FeatureNamer }) {
  const { t } = useI18n();
  const columns = weekColumns(file);
  const driftedColumns = columns.filter((c) => c.drifted).length;
  const seasonal = columns.filter((c) => c.driftedVsReference && !c.drifted && c.seasonal).length;
  const most = columns
    .filter((c) => c.drifted)
    .sort((a, b) => b.statistic / b.threshold - a.statistic / a.threshold)
    .slice(0, NAMED)
    .map((c) => nameOf(c.name));
  return (
    <>
      {t('drift.reasonCount', { drifted: driftedColumns, total: columns.length })}
      {most.length > 0 ? ` ${t('drift.mostChanged', { list: most.join('; ') })}` : null}
      {seasonal > 0 ? ` ${t('drift.seasonalCount', { count: seasonal })}` : null}
      {file.features.seasonal || file.lines.seasonal ? ` ${t('drift.seasonalCompared')}` : null}
    </>
  );
}

/** Every fact a week's verdict weighed: the model's inputs and the week's own sales lines. */
export function weekColumns(file: DriftFile): ColumnDrift[] {
  return [...file.features.columns, ...file.lines.columns];
}
