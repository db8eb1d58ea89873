import { lazy, Suspense, useState, type FormEvent } from 'react';
import type { Prediction } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { useCatalog } from '../../app/use-catalog.ts';
import { customerOptions, productOptions } from '../../components/catalog-options.ts';
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
  const { t, lang } = useI18n();
  const { api } = useApp();
  const catalog = useCatalog();
  const [customer, setCustomer] = useState<number | null>(null);
  const [product, setProduct] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (customer === null || product === null) return;
    setOutcome({ kind: 'loading' });
    api.predict(customer, product, lang).then(
      (prediction) => setOutcome({ kind: 'done', prediction }),
      (error: unknown) => setOutcome({ kind: 'failed', error }),
    );
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
        />
        <IdPicker
          name="product"
          label={t('common.product')}
          hint={t('common.searchHint')}
          options={productOptions(catalog)}
          value={product}
          onChange={setProduct}
        />
        <button type="submit" disabled={customer === null || product === null || outcome.kind === 'loading'}>
          {t('predict.submit')}
        </button>
      </form>
      {outcome.kind === 'loading' ? <Loading /> : null}
      {outcome.kind === 'failed' ? <ErrorNote error={outcome.error} /> : null}
      {outcome.kind === 'done' ? (
        <div className="grid-2">
          <ProbabilityCard prediction={outcome.prediction} />
          <Suspense fallback={<Loading />}>
            <ContributionsChart contributions={outcome.prediction.contributions} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
