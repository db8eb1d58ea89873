import type { ColumnDrift } from '../../api/report-types.ts';
import type { FeatureNamer } from './feature-label.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * A column's verdict. With a seasonal reference, a change against the recent reference that the
 * same week a year earlier also shows is seasonal, not drift: said so rather than called stable.
 */
function ColumnVerdict({ column }: { column: ColumnDrift }) {
  const { t } = useI18n();
  if (column.drifted) return <span className="status drift">{t('drift.changed')}</span>;
  if (column.driftedVsReference && column.seasonal)
    return (
      <span className="status seasonal" data-testid={`seasonal-${column.name}`}>
        {t('drift.seasonal')}
      </span>
    );
  return <span className="status ok">{t('drift.stable')}</span>;
}

/** Per-feature statistics of one week: method, statistic against its threshold, verdict. */
export function FeatureDriftTable({
  columns,
  selected,
  onSelect,
  nameOf,
}: {
  columns: readonly ColumnDrift[];
  selected: string | null;
  onSelect(name: string): void;
  nameOf: FeatureNamer;
}) {
  const { t, tOr, num } = useI18n();
  const sorted = [...columns].sort(
    (a, b) => Number(b.drifted) - Number(a.drifted) || a.name.localeCompare(b.name),
  );
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid="feature-drift">
        <caption>{t('drift.featuresCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('drift.feature')}</th>
            <th scope="col">{t('drift.method')}</th>
            <th scope="col">{t('drift.statistic')}</th>
            <th scope="col">{t('drift.threshold')}</th>
            <th scope="col">{t('drift.rows')}</th>
            <th scope="col">{t('drift.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.name} className={c.name === selected ? 'selected' : ''}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={c.name === selected}
                  onClick={() => onSelect(c.name)}
                >
                  {nameOf(c.name)}
                </button>
              </td>
              <td>{tOr(`drift.method.${c.method}`, c.method)}</td>
              <td>{num(c.statistic, 3)}</td>
              <td>
                {num(c.threshold, 3)}
                {c.thresholdSource === 'calibrated' ? (
                  <span className="muted"> {t('drift.thresholdCalibrated')}</span>
                ) : null}
              </td>
              <td>
                {num(c.referenceCount)} → {num(c.currentCount)}
              </td>
              <td>
                <ColumnVerdict column={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
