import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import type { Prediction } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { useCatalog } from '../../app/use-catalog.ts';
import { customerOptions, pairWords, productOptions } from '../../components/catalog-options.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { IdPicker } from '../../components/id-picker.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ProbabilityCard } from './probability-card.tsx';

// The chart library loads with the first answer, not with the page: the form appears sooner.
const ContributionsChart = lazy(() =>
  import('./contributions-chart.tsx').then((m) => ({ default: m.ContributionsChart })),
);

type Outcome =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'done'; prediction: Prediction }
  | { kind: 'failed'; error: unknown };

/** Predict: one customer and one product → the probability of a purchase next week, and why. */
export default function PredictPage() {
  const { t, lang, pct } = useI18n();
  const { api } = useApp();
  const catalog = useCatalog();
  const [customer, setCustomer] = useState<number | null>(null);
  const [product, setProduct] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  // The pair last asked about: asked again when the language changes, since the server words the
  // explanation in the language of the request.
  const [asked, setAsked] = useState<{ customer: number; product: number } | null>(null);
  // Ids typed that the catalog does not have: said at once, or "Calculate" is off with no reason.
  const [unknownCustomer, setUnknownCustomer] = useState<number | null>(null);
  const [unknownProduct, setUnknownProduct] = useState<number | null>(null);
  const unknown = (setId: (id: number | null) => void) => (id: number | null) => {
    setId(id);
    // The last answer is about another pair: left under an id that does not exist, it reads as this one's.
    if (id !== null) {
      setAsked(null);
      setOutcome({ kind: 'none' });
    }
  };

  useEffect(() => {
    if (asked === null) return;
    let current = true;
    setOutcome((o) => (o.kind === 'done' ? o : { kind: 'loading' }));
    api.predict(asked.customer, asked.product, lang).then(
      (prediction) => current && setOutcome({ kind: 'done', prediction }),
      (error: unknown) => current && setOutcome({ kind: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [api, asked, lang]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (customer === null || product === null) return;
    setOutcome({ kind: 'loading' });
    setAsked({ customer, product });
  };

  return (
    <>
      <PageIntro title={t('predict.title')} explanation={t('predict.explain')} />
      <form className="card form-row" onSubmit={submit} aria-label={t('predict.title')}>
        <IdPicker
          name="customer"
          label={t('common.customer')}
          hint={t('common.searchHint')}
          options={customerOptions(catalog)}
          value={customer}
          onChange={setCustomer}
          onUnknown={unknown(setUnknownCustomer)}
        />
        <IdPicker
          name="product"
          label={t('common.product')}
          hint={t('common.searchHint')}
          options={productOptions(catalog)}
          value={product}
          onChange={setProduct}
          onUnknown={unknown(setUnknownProduct)}
        />
        <button type="submit" disabled={customer === null || product === null || outcome.kind === 'loading'}>
          {t('predict.submit')}
        </button>
      </form>
      {unknownCustomer !== null || unknownProduct !== null ? (
        <p className="warning" role="status" data-testid="unknown-id">
          {unknownCustomer !== null ? t('predict.unknownCustomer', { id: unknownCustomer }) : null}
          {unknownCustomer !== null && unknownProduct !== null ? ' ' : null}
          {unknownProduct !== null ? t('predict.unknownProduct', { id: unknownProduct }) : null}
        </p>
      ) : null}
      {/* Always present, so screen readers announce each new result when its text changes. */}
      <p className="sr-only" aria-live="polite" data-testid="prediction-announcement">
        {outcome.kind === 'done'
          ? `${pct(outcome.prediction.probability)} · ${
              outcome.prediction.will_buy ? t('predict.willBuy') : t('predict.wontBuy')
            }`
          : ''}
      </p>
      {outcome.kind === 'loading' ? <Loading /> : null}
      {outcome.kind === 'failed' ? <ErrorNote error={outcome.error} /> : null}
      {outcome.kind === 'done' ? (
        <div className="grid-2">
          <ProbabilityCard
            prediction={outcome.prediction}
            words={pairWords(catalog, outcome.prediction.customer_id, outcome.prediction.product_id)}
          />
          {outcome.prediction.model_version === 0 ? (
            <p className="card muted" data-testid="rule-no-contributions">
              {t('predict.ruleNoContributions')}
            </p>
          ) : (
            <Suspense fallback={<Loading />}>
              <ContributionsChart contributions={outcome.prediction.contributions} />
            </Suspense>
          )}
        </div>
      ) : null}
    </>
  );
}
