import type { RecommendResponse } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { rankedByCaption, sourceLabel } from './ranked-by.ts';

/**
 * The recommended products in rank order, each with the reason it was chosen. On a phone each row
 * is a card (the header becomes each value's label) so the score and the reason stay on screen. For
 * a customer who never bought, the score is a popularity share, and its column says so.
 */
export function RecommendationsTable({ result }: { result: RecommendResponse }) {
  const { t, pct } = useI18n();
  const allPopular = result.recommendations.every((r) => r.source === 'popular');
  const scoreLabel = allPopular ? t('recommend.popularity') : t('recommend.score');
  const head = {
    rank: '#',
    product: t('common.product'),
    brand: t('recommend.brand'),
    category: t('recommend.category'),
    package: t('recommend.package'),
    source: t('recommend.source'),
    reason: t('recommend.reason'),
  };
  return (
    <div className="table-wrap">
      <table className="table cards" data-testid="recommendations">
        <caption>{rankedByCaption(result, t)}</caption>
        <thead>
          <tr>
            <th scope="col">{head.rank}</th>
            <th scope="col">{head.product}</th>
            <th scope="col">{head.brand}</th>
            <th scope="col">{head.category}</th>
            <th scope="col">{head.package}</th>
            <th scope="col">{scoreLabel}</th>
            <th scope="col">{head.source}</th>
            <th scope="col">{head.reason}</th>
          </tr>
        </thead>
        <tbody>
          {result.recommendations.map((r) => (
            <tr key={r.product_id}>
              <td data-label={head.rank}>{r.rank}</td>
              <td data-label={head.product}>{r.product_id}</td>
              <td data-label={head.brand} translate="no">
                {r.attributes.brand ?? '—'}
              </td>
              <td data-label={head.category} translate="no">
                {r.attributes.category ?? '—'}
              </td>
              <td data-label={head.package} translate="no">
                {[r.attributes.package, r.attributes.size === null ? null : String(r.attributes.size)]
                  .filter(Boolean)
                  .join(' ') || '—'}
              </td>
              <td data-label={r.source === 'popular' ? t('recommend.popularity') : t('recommend.score')}>
                {pct(r.score)}
              </td>
              <td data-label={head.source}>
                <span className={`badge ${r.source}`}>{sourceLabel(r, t)}</span>
              </td>
              <td className="reason" data-label={head.reason}>
                {r.reason}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
