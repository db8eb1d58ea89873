import type { Prediction } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * The probability in large type, the decision and what the threshold means, under the pair's ids and
 * what the catalogue says they are (`words`; a part it does not know is left out).
 */
export function ProbabilityCard({
  prediction,
  words,
}: {
  prediction: Prediction;
  words: { customer: string | null; product: string | null };
}) {
  const { t, pct } = useI18n();
  const p = prediction;
  // Version 0 is the stand-in rule that serves while no model has passed the gate.
  const byRule = p.model_version === 0;
  return (
    <section className="card probability" aria-labelledby="prob-title">
      <h2 id="prob-title">{t('predict.resultTitle', { customer: p.customer_id, product: p.product_id })}</h2>
      {words.customer || words.product ? (
        <p className="muted" translate="no" data-testid="pair-words">
          {[words.customer ?? '—', words.product ?? '—'].join(' — ')}
        </p>
      ) : null}
      <p className="big-number" data-testid="probability">
        {pct(p.probability)}
      </p>
      <div className="meter" aria-hidden="true">
        <div className="meter-fill" style={{ width: `${Math.round(p.probability * 100)}%` }} />
        <div className="meter-threshold" style={{ left: `${p.threshold * 100}%` }} />
      </div>
      <p className={p.will_buy ? 'decision yes' : 'decision no'} data-testid="decision">
        {p.will_buy ? t('predict.willBuy') : t('predict.wontBuy')}
      </p>
      <p className="explain">
        {t(byRule ? 'predict.probabilityMeansRule' : 'predict.probabilityMeans', {
          pct: pct(p.probability, 0),
          threshold: pct(p.threshold, 0),
        })}
      </p>
      <p className="muted">
        {byRule ? t('predict.byRule') : t('predict.modelVersion', { version: p.model_version })}
        {p.candidate ? '' : ` · ${t('predict.notCandidate')}`}
      </p>
    </section>
  );
}
