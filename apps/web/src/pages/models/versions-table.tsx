import type { GateRecord, ModelAlias, ModelVersion } from '../../api/tracking-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { gateText } from './gate-text.ts';
import { metricName } from '../../components/metric-name.ts';

/** The metrics worth showing first, when a version has them. */
const KEY_METRICS = ['test_f1', 'test_auc_pr', 'test_precision', 'test_recall', 'f1', 'auc_pr'];

/**
 * Registered versions, newest first: aliases, the week each was tested on beside its metrics (an F1
 * only compares with one of the same week), and what the stored gate decided — a version a rule or
 * the champion beat is marked rejected, never "passed".
 */
export function VersionsTable({
  versions,
  aliases,
  gates,
}: {
  versions: readonly ModelVersion[];
  aliases: readonly ModelAlias[];
  /** Each version's stored gate decision (null: never gated); absent while loading. */
  gates: ReadonlyMap<number, GateRecord | null> | null;
}) {
  const i18n = useI18n();
  const { t, tOr, num, dateTime } = i18n;
  const metricKeys = KEY_METRICS.filter((k) => versions.some((v) => k in v.metrics)).slice(0, 3);
  const shown =
    metricKeys.length > 0
      ? metricKeys
      : [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].slice(0, 3);
  const metricLabel = (k: string) => metricName(k, t, tOr);
  // As on the Experiments page: scores with three decimals, counts (best_iteration) whole.
  const metricValue = (v: number | undefined) =>
    v === undefined ? '—' : Number.isInteger(v) ? num(v) : num(v, 3);
  return (
    <>
      <div className="table-wrap">
        <table className="table cards" data-testid="versions">
          <caption>{t('models.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('models.version')}</th>
              <th scope="col">{t('models.aliases')}</th>
              <th scope="col">{t('models.created')}</th>
              <th scope="col">{t('models.testWeek')}</th>
              {shown.map((k) => (
                <th scope="col" key={k}>
                  {metricLabel(k)}
                </th>
              ))}
              <th scope="col">{t('models.status')}</th>
              <th scope="col">{t('models.gate')}</th>
            </tr>
          </thead>
          <tbody>
            {[...versions]
              .sort((a, b) => b.version - a.version)
              .map((v) => {
                const gate = gates?.get(v.version);
                return (
                  <tr
                    key={v.version}
                    data-version={v.version}
                    data-gate={gate ? (gate.passed ? 'passed' : 'rejected') : 'none'}
                  >
                    <td className="nowrap" data-label={t('models.version')}>
                      {/* One box for the number and the badge, on one line: a phone's card lays a
                          cell's children out as grid cells, which put the badge on a row of its own,
                          and the desktop's narrow column wrapped it under the number. */}
                      <span>
                        v{v.version}
                        {gate && !gate.passed ? (
                          <span className="badge rejected">{t('models.rejected')}</span>
                        ) : null}
                      </span>
                    </td>
                    <td data-label={t('models.aliases')}>
                      {/* One box too, so that two aliases share a line on a phone. */}
                      <span>
                        {aliases
                          .filter((a) => a.version === v.version)
                          .map((a) => (
                            <span key={a.alias} className="badge model" translate="no">
                              {a.alias}
                            </span>
                          ))}
                      </span>
                    </td>
                    <td data-label={t('models.created')}>{dateTime(v.createdAt)}</td>
                    <td data-label={t('models.testWeek')}>{gate?.testCutoff ?? '—'}</td>
                    {shown.map((k) => (
                      <td key={k} data-label={metricLabel(k)}>
                        {metricValue(v.metrics[k])}
                      </td>
                    ))}
                    <td data-label={t('models.status')}>{t(`models.status.${v.status}`)}</td>
                    <td data-label={t('models.gate')} className="reason">
                      {gates === null ? (
                        '…'
                      ) : gate ? (
                        <span className={gate.passed ? 'gate pass' : 'gate fail'}>
                          {gateText(gate, i18n)}
                        </span>
                      ) : (
                        <span className="muted">{t('models.gateUnknown')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
          </tbody>
        </table>
      </div>
      <p className="muted" data-testid="f1-note">
        {t('models.f1Note')}
      </p>
    </>
  );
}
