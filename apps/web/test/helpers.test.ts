import { describe, expect, it } from 'vitest';
import { routeFor } from '../src/app/routes.ts';
import { customerOptions, productOptions } from '../src/components/catalog-options.ts';
import { parseLeadingId } from '../src/components/id-picker.tsx';
import { codeForStatus, readErrorBody } from '../src/errors.ts';
import { answerTables } from '../src/pages/chat/answer-data.ts';
import { detailMessage } from '../src/pages/data/check-detail.ts';
import { runLabel } from '../src/pages/experiments/run-label.ts';
import { underParents } from '../src/pages/experiments/run-row.ts';
import { attributeValues } from '../src/pages/recommend/attribute-values.ts';
import { histogramRows } from '../src/pages/drift/histogram-rows.ts';
import { sourceDetail } from '../src/pages/recommend/ranked-by.ts';
import { CSV_DIALECTS, toCsv } from '../src/pages/recommend/to-csv.ts';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { interpolate, type MessageKey } from '../src/i18n/dictionary.ts';
import { CATALOG } from './render.tsx';
import type { RecommendResponse } from '../src/api/contract.ts';

describe('toCsv', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1, 'x,y'],
          [null, 'say "hi"\nbye'],
        ],
      ),
    ).toBe('a,b\r\n1,"x,y"\r\n,"say ""hi""\nbye"\r\n');
  });

  it("writes Spanish Excel's dialect: semicolons, a UTF-8 BOM, decimal commas left unquoted", () => {
    const csv = toCsv(['categoría', 'puntuación'], [['BEBIDAS; JUGOS', '0,51']], CSV_DIALECTS.es);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('categoría;puntuación\r\n"BEBIDAS; JUGOS";0,51\r\n');
  });
});

describe('readErrorBody', () => {
  it('reads the code and field locations of either error shape the server sends', () => {
    expect(
      readErrorBody({ error: 'INVALID_ARGUMENT', message: 'm', issues: [{ location: 'body', path: 'k' }] }),
    ).toEqual({ code: 'INVALID_ARGUMENT', message: 'm', fields: ['body.k'] });
    expect(
      readErrorBody({ code: 'VALIDATION_ERROR', message: 'm', errors: [{ loc: ['body', 'k'] }] }),
    ).toEqual({
      code: 'VALIDATION_ERROR',
      message: 'm',
      fields: ['body.k'],
    });
    expect(readErrorBody('<html>')).toEqual({ code: null, message: null, fields: [] });
  });
});

describe("validation details and run names in the reader's language", () => {
  it("reads the server's row-detail templates back, and leaves plain column = value alone", () => {
    expect(detailMessage('copy of row 5')).toEqual({ key: 'data.detail.copyOf', vars: { row: '5' } });
    expect(detailMessage('customer_id 12 unknown')).toEqual({
      key: 'data.detail.unknown',
      vars: { column: 'customer_id', value: '12' },
    });
    expect(detailMessage('items = -0.33')).toBeNull();
  });

  it('reads the stray_date row details back: a date in an ingested batch, or apart from its own batch', () => {
    expect(
      detailMessage(
        'purchase_date 2024-06-04 is in batch transactions-20241201-ab, already ingested; the batch is 2024-06-10…2024-06-16',
      ),
    ).toEqual({
      key: 'data.detail.strayInBatch',
      vars: { date: '2024-06-04', batch: 'transactions-20241201-ab', from: '2024-06-10', to: '2024-06-16' },
    });
    expect(
      detailMessage(
        'purchase_date 2023-12-18 is apart from the batch (2024-12-16…2024-12-22), with ingested dates between',
      ),
    ).toEqual({
      key: 'data.detail.strayApart',
      vars: { date: '2023-12-18', from: '2024-12-16', to: '2024-12-22' },
    });
  });

  it("says a run's kind in the UI language and keeps its detail", () => {
    const tOr = (key: string, fallback: string) =>
      (({ 'experiments.kind.gate': 'comprobación' }) as Record<string, string>)[key] ?? fallback;
    expect(runLabel('gate v2', tOr)).toBe('comprobación v2');
    expect(runLabel('nightly-custom', tOr)).toBe('nightly-custom');
  });
});

describe('answerTables', () => {
  it('turns scalar figures into one table and arrays of objects into their own, flattening one level', () => {
    const tables = answerTables({
      customer_id: 7,
      cold_start: false,
      recommendations: [{ rank: 1, product_id: 40, score: 0.51234, attributes: { brand: 'B', size: null } }],
    });
    expect(tables).toEqual([
      {
        key: 'figures',
        columns: ['', ''],
        rows: [
          ['customer_id', '7'],
          ['cold_start', 'false'],
        ],
      },
      {
        key: 'recommendations',
        columns: ['rank', 'product_id', 'score', 'brand', 'size'],
        rows: [['1', '40', '0.512', 'B', '—']],
      },
    ]);
  });

  it('gives no table for an answer without figures', () => {
    expect(answerTables({})).toEqual([]);
  });
});

describe('pickers', () => {
  it('read the id at the start of the text', () => {
    expect(parseLeadingId(' 42 · Tienda')).toBe(42);
    expect(parseLeadingId('#7')).toBe(7);
    expect(parseLeadingId('tienda 42')).toBeNull();
  });

  it('describe customers by shop type and products by their attributes', () => {
    expect(customerOptions(CATALOG).map((o) => o.label)).toEqual(['7 · ABARROTES', '8 · RESTAURANT']);
    expect(productOptions(CATALOG)[1]!.label).toBe('41 · Brand 2 · JUGOS · LATA · 0.33');
  });
});

describe('routing and errors', () => {
  it('maps the hash to a page, the empty hash to the first page, an unknown path to none', () => {
    expect(routeFor('#/models')?.path).toBe('models');
    expect(routeFor('#/chat?x=1')?.path).toBe('chat');
    expect(routeFor('')?.path).toBe('predict');
    expect(routeFor('#/nope')).toBeUndefined();
  });

  it('maps HTTP statuses to what the user is told', () => {
    expect([401, 403, 503, 500, 400, 404].map(codeForStatus)).toEqual([
      'UNAUTHORIZED',
      'UNAUTHORIZED',
      'NOT_READY',
      'SERVER',
      'REJECTED',
      'REJECTED',
    ]);
  });
});

describe('experiments helpers', async () => {
  const { filterAndSort, paramDiff, preferredMetrics } = await import('../src/pages/experiments/run-row.ts');

  it('filters, sorts runs by a metric with missing ones last, and diffs params', () => {
    const run = (id: string, name: string, f1?: number) => ({
      run: {
        id,
        experimentId: 'e',
        name,
        status: 'FINISHED' as const,
        startTime: 0,
        endTime: 1,
        parentRunId: null,
      },
      metrics: (f1 === undefined ? {} : { f1 }) as Record<string, number>,
      params: { eta: id },
    });
    const rows = [run('a', 'train', 0.2), run('b', 'trial', 0.5), run('c', 'train x')];
    expect(filterAndSort(rows, '', '', { kind: 'metric', key: 'f1' }, 'desc').map((r) => r.run.id)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(
      filterAndSort(rows, 'TRAIN', '', { kind: 'metric', key: 'f1' }, 'asc').map((r) => r.run.id),
    ).toEqual(['a', 'c']);
    expect(paramDiff(rows.slice(0, 2))).toEqual([{ key: 'eta', values: ['a', 'b'], differs: true }]);
    expect(preferredMetrics(['baseline_f1', 'test_f1', 'aucpr'])).toEqual([
      'test_f1',
      'aucpr',
      'baseline_f1',
    ]);
  });

  it('puts the metrics a training is judged by first, so the six columns shown are not best_iteration, calibration_error…', () => {
    // A weekly training's metrics, as the tracking server lists them (alphabetically).
    const logged = [
      'baseline_frequency_f1',
      'best_iteration',
      'calibration_error',
      'calibration_error_raw',
      'candidate_coverage',
      'decision_threshold',
      'f1_gain_ci_high',
      'f1_gain_vs_best_baseline',
      'test_f1',
      'test_pr_auc',
      'test_precision',
      'test_recall',
      'valid_logloss',
    ];
    expect(preferredMetrics(logged).slice(0, 6)).toEqual([
      'test_f1',
      'test_precision',
      'test_recall',
      'test_pr_auc',
      'f1_gain_vs_best_baseline',
      'valid_logloss',
    ]);
  });
});

describe('underParents', () => {
  it('lists each tuning trial under its own training run, whatever the sort put next to it', () => {
    const run = (id: string, parentRunId: string | null = null) => ({ run: { id, parentRunId } });
    // Sorted by time, trial b1 ran between trainings a and b: it must not sit under a.
    const rows = [run('a'), run('b1', 'b'), run('a1', 'a'), run('b'), run('x1', 'gone')];
    expect(underParents(rows as never[]).map((r: { run: { id: string } }) => r.run.id)).toEqual([
      'a',
      'a1',
      'b',
      'b1',
      'x1',
    ]);
  });
});

describe('attributeValues', () => {
  it('sorts brands naturally: Brand 2 before Brand 10', () => {
    const product = (id: number, brand: string) => ({
      id,
      attributes: { ...CATALOG.products[0]!.attributes, brand },
    });
    const catalog = {
      customers: [],
      products: [product(1, 'Brand 10'), product(2, 'Brand 2'), product(3, 'Brand 1')],
    };
    expect(attributeValues(catalog, 'brand')).toEqual(['Brand 1', 'Brand 2', 'Brand 10']);
  });
});

describe('the CSV source column while a rule serves', () => {
  const result: RecommendResponse = {
    customer_id: 7,
    model_version: 0,
    served_by: {
      kind: 'rule',
      model_version: null,
      rule: 'k_of_n',
      rule_description: 'comprado en al menos 2 de las últimas 4 semanas',
      reason: 'no_champion',
    },
    cold_start: false,
    recommendations: [],
  };
  const item = (source: 'rule' | 'popular') => ({
    rank: 1,
    product_id: 41,
    score: 0.4,
    source,
    rule: source === 'rule' ? 'k_of_n' : null,
    attributes: { brand: null, category: null, sub_category: null, segment: null, package: null, size: null },
    reason: '',
  });

  it('names the rule in words, never "model"', () => {
    const t = (key: MessageKey) => interpolate(es[key]);
    expect(sourceDetail(item('rule'), result, t)).toBe(
      'regla: comprado en al menos 2 de las últimas 4 semanas',
    );
    expect(sourceDetail(item('popular'), result, t)).toBe('popular');
    const tEn = (key: MessageKey) => interpolate(en[key]);
    expect(sourceDetail(item('rule'), result, tEn)).toMatch(/^rule: /);
  });
});

describe('drift histogram bins', () => {
  it('labels numeric bins by their range, not by a lower edge alone', () => {
    const rows = histogramRows(
      { edges: [0, 1.5, 4], counts: [1, 3], below: 0, above: 0 },
      { edges: [0, 1.5, 4], counts: [2, 2], below: 0, above: 0 },
    );
    expect(rows).toEqual([
      { bin: '0–1.50', reference: 0.25, current: 0.5 },
      { bin: '1.50–4', reference: 0.75, current: 0.5 },
    ]);
  });

  it('names a count’s one-value bins by their value (a 0/1 flag shows "0" and "1")', () => {
    const rows = histogramRows(
      { edges: [0, 0, 1], counts: [90, 10], below: 0, above: 0 },
      { edges: [0, 0, 1], counts: [80, 20], below: 0, above: 0 },
    );
    expect(rows.map((r) => r.bin)).toEqual(['0', '1']);
  });

  it('shows this week’s values outside the reference’s range as bars of their own', () => {
    // A reference with a single value is one degenerate bin: the move shows only in `above`.
    const rows = histogramRows(
      { edges: [3, 3], counts: [10], below: 0, above: 0 },
      { edges: [3, 3], counts: [4], below: 2, above: 4 },
    );
    expect(rows).toEqual([
      { bin: '< 3', reference: 0, current: 0.2 },
      { bin: '3', reference: 1, current: 0.4 },
      { bin: '> 3', reference: 0, current: 0.4 },
    ]);
  });
});
