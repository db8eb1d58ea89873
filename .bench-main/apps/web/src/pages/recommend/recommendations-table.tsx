import type { RecommendResponse } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The recommended products in rank order, each with the reason it was chosen. */
export function RecommendationsTable({ result }: { result: RecommendResponse }) {
  const { t, pct } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="recommendations">
        <caption>
          {t('recommend.tableCaption', { customer: result.customer_id, version: result.model_version })}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('common.product')}</th>
            <th scope="col">{t('recommend.brand')}</th>
            <th scope="col">{t('recommend.category')}</th>
            <th scope="col">{t('recommend.package')}</th>
            <th scope="col">{t('recommend.score')}</th>
            <th scope="col">{t('recommend.source')}</th>
            <th scope="col">{t('recommend.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {result.recommendations.map((r) => (
            <tr key={r.product_id}>
              <td>{r.rank}</td>
              <td>{r.product_id}</td>
              <td>{r.attributes.brand ?? '—'}</td>
              <td>{r.attributes.category ?? '—'}</td>
              <td>
                {[r.attributes.package, r.attributes.size === null ? null : String(r.attributes.size)]
                  .filter(Boolean)
                  .join(' ') || '—'}
              </td>
              <td>{pct(r.score)}</td>
              <td>
                <span className={`badge ${r.source}`}>
                  {r.source === 'model' ? t('recommend.sourceModel') : t('recommend.sourcePopular')}
                </span>
              </td>
              <td className="reason">{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
