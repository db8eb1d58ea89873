import { useId, useMemo, useState, type FormEvent } from 'react';
import type { RecommendFilters, RecommendResponse } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { useCatalog } from '../../app/use-catalog.ts';
import { customerOptions } from '../../components/catalog-options.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { IdPicker } from '../../components/id-picker.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { attributeValues } from './attribute-values.ts';
import { FilterSelect } from './filter-select.tsx';
import { RecommendationsTable } from './recommendations-table.tsx';
import { orderNote, sourceDetail } from './ranked-by.ts';
import { CSV_DIALECTS, downloadText, toCsv } from './to-csv.ts';

type Outcome =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'done'; result: RecommendResponse }
  | { kind: 'failed'; error: unknown };

const FILTER_KEYS = ['category', 'brand', 'segment', 'package'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** Recommend: a customer's top-k products for next week, with filters, reasons and CSV export. */
export default function RecommendPage() {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const catalog = useCatalog();
  const kId = useId();
  const recentId = useId();
  const options = useMemo(() => customerOptions(catalog), [catalog]);
  const values = useMemo(
    () =>
      Object.fromEntries(FILTER_KEYS.map((k) => [k, attributeValues(catalog, k)])) as Record<
        FilterKey,
        string[]
      >,
    [catalog],
  );
  const [customer, setCustomer] = useState<number | null>(null);
  const [unknownId, setUnknownId] = useState<number | null>(null);
  const [k, setK] = useState(10);
  const [filters, setFilters] = useState<Record<FilterKey, string>>({
    category: '',
    brand: '',
    segment: '',
    package: '',
  });
  const [excludeRecent, setExcludeRecent] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (customer === null) return;
    const chosen: RecommendFilters = Object.fromEntries(
      FILTER_KEYS.filter((f) => filters[f]).map((f) => [f, filters[f]]),
    );
    setOutcome({ kind: 'loading' });
    api
      .recommend(
        {
          customer_id: customer,
          k,
          exclude_recent: excludeRecent,
          ...(Object.keys(chosen).length > 0 ? { filters: chosen } : {}),
        },
        lang,
      )
      .then(
        (result) => setOutcome({ kind: 'done', result }),
        (error: unknown) => setOutcome({ kind: 'failed', error }),
      );
  };

  // Headers, decimal mark and separator follow the UI language, so the spreadsheet opens it in columns.
  const exportCsv = (result: RecommendResponse) => {
    const decimal = (v: number) => (lang === 'es' ? String(v).replace('.', ',') : String(v));
    const csv = toCsv(
      [
        t('recommend.csv.customer'),
        t('recommend.csv.rank'),
        t('recommend.csv.product'),
        t('recommend.csv.score'),
        t('recommend.csv.source'),
        t('recommend.csv.brand'),
        t('recommend.csv.category'),
        t('recommend.csv.segment'),
        t('recommend.csv.package'),
        t('recommend.csv.reason'),
      ],
      result.recommendations.map((r) => [
        result.customer_id,
        r.rank,
        r.product_id,
        decimal(r.score),
        sourceDetail(r, result, t),
        r.attributes.brand,
        r.attributes.category,
        r.attributes.segment,
        r.attributes.package,
        r.reason,
      ]),
      CSV_DIALECTS[lang],
    );
    downloadText(t('recommend.csv.file', { customer: result.customer_id }), csv);
  };

  const filterLabels: Record<FilterKey, string> = {
    category: t('recommend.category'),
    brand: t('recommend.brand'),
    segment: t('recommend.segment'),
    package: t('recommend.package'),
  };

  return (
    <>
      <PageIntro title={t('recommend.title')} explanation={t('recommend.explain')} />
      <form className="card form-grid" onSubmit={submit} aria-label={t('recommend.title')}>
        <IdPicker
          name="customer"
          label={t('common.customer')}
          hint={t('common.searchHint')}
          options={options}
          value={customer}
          onChange={(id) => {
            setCustomer(id);
            // Another customer (or none): the previous customer's table must not stay on screen.
            setOutcome({ kind: 'none' });
          }}
          onUnknown={setUnknownId}
        />
        <div className="field">
          <label htmlFor={kId}>{t('recommend.k')}</label>
          <input
            id={kId}
            type="number"
            min={1}
            max={50}
            value={k}
            onChange={(e) => setK(Math.max(1, Math.min(50, Number(e.currentTarget.value) || 1)))}
          />
        </div>
        {FILTER_KEYS.map((f) => (
          <FilterSelect
            key={f}
            label={filterLabels[f]}
            values={values[f]}
            value={filters[f]}
            onChange={(v) => setFilters((prev) => ({ ...prev, [f]: v }))}
          />
        ))}
        <div className="field checkbox">
          <input
            id={recentId}
            type="checkbox"
            checked={excludeRecent}
            onChange={(e) => setExcludeRecent(e.currentTarget.checked)}
          />
          <label htmlFor={recentId}>{t('recommend.excludeRecent')}</label>
        </div>
        <button type="submit" disabled={customer === null || outcome.kind === 'loading'}>
          {t('recommend.submit')}
        </button>
      </form>
      {unknownId !== null ? (
        <p className="warning" role="status" data-testid="unknown-customer">
          {t('recommend.unknownCustomer', { id: unknownId })}
        </p>
      ) : null}
      {outcome.kind === 'loading' ? <Loading /> : null}
      {outcome.kind === 'failed' ? <ErrorNote error={outcome.error} /> : null}
      {outcome.kind === 'done' ? (
        <section className="card">
          <div className="row-between">
            <p className="muted">{orderNote(outcome.result, t)}</p>
            <button type="button" className="secondary" onClick={() => exportCsv(outcome.result)}>
              {t('recommend.exportCsv')}
            </button>
          </div>
          {outcome.result.cold_start &&
          outcome.result.recommendations.every((r) => r.source === 'popular') ? (
            <p className="muted">{t('recommend.popularityNote')}</p>
          ) : null}
          {outcome.result.recommendations.length === 0 ? (
            <p>{t('recommend.none')}</p>
          ) : (
            <RecommendationsTable result={outcome.result} />
          )}
        </section>
      ) : null}
    </>
  );
}
