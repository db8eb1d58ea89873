import type { ModelAlias, ModelVersion } from '../../api/tracking-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The metrics worth showing first, when a version has them. */
const KEY_METRICS = ['test_f1', 'test_auc_pr', 'test_precision', 'test_recall', 'f1', 'auc_pr'];

/** Registered versions, newest first, with their aliases and headline metrics. */
export function VersionsTable({
  versions,
  aliases,
}: {
  versions: readonly ModelVersion[];
  aliases: readonly ModelAlias[];
}) {
  const { t, lang, num } = useI18n();
  const metricKeys = KEY_METRICS.filter((k) => versions.some((v) => k in v.metrics)).slice(0, 4);
  const shown =
    metricKeys.length > 0
      ? metricKeys
      : [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].slice(0, 4);
  return (
    <div className="table-wrap">
      <table className="table" data-testid="versions">
        <caption>{t('models.versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('models.version')}</th>
            <th scope="col">{t('models.aliases')}</th>
            <th scope="col">{t('models.created')}</th>
            {shown.map((k) => (
              <th scope="col" key={k}>
                {k}
              </th>
            ))}
            <th scope="col">{t('models.status')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions]
            .sort((a, b) => b.version - a.version)
            .map((v) => (
              <tr key={v.version}>
                <td>v{v.version}</td>
                <td>
                  {aliases
                    .filter((a) => a.version === v.version)
                    .map((a) => (
                      <span key={a.alias} className="badge model">
                        {a.alias}
                      </span>
                    ))}
                </td>
                <td>{new Date(v.createdAt).toLocaleString(lang === 'es' ? 'es-ES' : 'en-US')}</td>
                {shown.map((k) => (
                  <td key={k}>{v.metrics[k] === undefined ? '—' : num(v.metrics[k], 4)}</td>
                ))}
                <td>{v.status}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
