import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import ExperimentsPage from '../src/pages/experiments/experiments-page.tsx';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const RUN = {
  id: 'r1',
  experimentId: 'e1',
  name: 'train 2025-01-06',
  status: 'FINISHED',
  startTime: 1,
  endTime: 2,
  parentRunId: null,
};

/** A tracking server holding `runs`, each with no params and the `metrics` given. */
function tracking(runs: (typeof RUN)[], metrics: Record<string, number> = {}) {
  const latestMetrics = Object.entries(metrics).map(([key, value]) => ({
    key,
    value,
    step: 0,
    timestamp: 0,
  }));
  return (req: { url: string }) => {
    if (req.url.startsWith('/api/tracking/runs?')) return { body: runs };
    const one = runs.find((r) => req.url === `/api/tracking/runs/${r.id}`);
    return one ? { body: { run: one, params: [], tags: [], latestMetrics } } : undefined;
  };
}

describe('ExperimentsPage with nothing to list', () => {
  it.each([
    { lang: 'es', says: 'Todavía no se ha hecho ningún entrenamiento' },
    { lang: 'en', says: 'No training has run yet' },
  ] as const)(
    'before any training, says none has run and when one will, not an empty table ($lang)',
    async ({ lang, says }) => {
      renderApp(<ExperimentsPage />, tracking([]), lang);
      expect((await screen.findByTestId('no-runs')).textContent).toContain(says);
      expect(screen.queryByTestId('runs')).toBeNull();
    },
  );

  it('says no run matches a search that finds none', async () => {
    renderApp(<ExperimentsPage />, tracking([RUN]), 'en');
    await screen.findByTestId('runs');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'no such run' } });
    expect(screen.getByTestId('no-runs').textContent).toBe('No run matches the search or the status chosen.');
  });
});

describe('ExperimentsPage metric columns', () => {
  it('names the metrics in words, F1 first, in Spanish', async () => {
    renderApp(
      <ExperimentsPage />,
      tracking([RUN], { best_iteration: 174, calibration_error: 0.004, test_f1: 0.5, test_recall: 0.63 }),
      'es',
    );
    const table = await screen.findByTestId('runs');
    const headers = [...table.querySelectorAll('thead th')].map((th) =>
      th.textContent?.replace(/ [▲▼]$/, ''),
    );
    expect(headers.slice(4)).toEqual([
      'F1 (prueba)',
      'Exhaustividad (prueba)',
      'Mejor iteración (árboles)',
      'Error de calibración',
    ]);
  });
});

describe('ExperimentsPage comparison of parameters', () => {
  const RUNS = [
    { ...RUN, id: 'r1', name: 'trial 0' },
    { ...RUN, id: 'r2', name: 'trial 1' },
  ];
  const PARAMS: Record<string, Record<string, string>> = {
    r1: { eta: '0.30000000000000004', max_depth: '6', n_rounds: '12000', tree_method: 'hist' },
    r2: { eta: '0.012345678', max_depth: '8', n_rounds: '12000', tree_method: 'hist' },
  };
  const server = (req: { url: string }) => {
    if (req.url.startsWith('/api/tracking/runs?')) return { body: RUNS };
    const one = RUNS.find((r) => req.url === `/api/tracking/runs/${r.id}`);
    if (!one) return req.url.includes('/metrics/') ? { body: [] } : undefined;
    const params = Object.entries(PARAMS[one.id]!).map(([key, value]) => ({ key, value }));
    return { body: { run: one, params, tags: [], latestMetrics: [] } };
  };

  it.each([
    { lang: 'es', eta: ['0,3', '0,01235'], rounds: '12.000' },
    { lang: 'en', eta: ['0.3', '0.01235'], rounds: '12,000' },
  ] as const)(
    'shows parameter values rounded in the reader’s number format, integers as integers ($lang)',
    async ({ lang, eta, rounds }) => {
      renderApp(<ExperimentsPage />, server, lang);
      await screen.findByTestId('runs');
      for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
      const table = (await screen.findByTestId('comparison', {}, { timeout: 15_000 })).querySelector(
        'table',
      )!;
      const row = (key: string) =>
        [...table.querySelectorAll('tbody tr')]
          .find((tr) => tr.querySelector('th')?.textContent === key)!
          .querySelectorAll('td');
      expect([...row('eta')].map((td) => td.textContent)).toEqual(eta);
      expect([...row('max_depth')].map((td) => td.textContent)).toEqual(['6', '8']);
      expect(row('n_rounds')[0]?.textContent).toBe(rounds);
      expect(row('tree_method')[0]?.textContent).toBe('hist');
    },
  );
});

describe('ExperimentsPage comparison of metrics', () => {
  it('names the metric to plot in words, as the runs table does, not by its id', async () => {
    const RUNS = [
      { ...RUN, id: 'r1', name: 'trial 0' },
      { ...RUN, id: 'r2', name: 'trial 1' },
    ];
    const latestMetrics = [{ key: 'test_f1', value: 0.4, step: 0, timestamp: 0 }];
    renderApp(
      <ExperimentsPage />,
      (req) => {
        if (req.url.startsWith('/api/tracking/runs?')) return { body: RUNS };
        if (req.url.includes('/metrics/')) return { body: [] };
        const one = RUNS.find((r) => req.url === `/api/tracking/runs/${r.id}`);
        return one ? { body: { run: one, params: [], tags: [], latestMetrics } } : undefined;
      },
      'es',
    );
    await screen.findByTestId('runs');
    for (const box of screen.getAllByRole('checkbox')) fireEvent.click(box);
    const select = (await screen.findByTestId('comparison', {}, { timeout: 15_000 })).querySelector(
      'select',
    )!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([['test_f1', 'F1 (prueba)']]);
  });
});

describe('ExperimentsPage on a phone', () => {
  const RUNS = [
    { ...RUN, id: 'r1', name: 'train 2025-01-06', startTime: 1 },
    { ...RUN, id: 'r2', name: 'train 2025-01-13', startTime: 2 },
    { ...RUN, id: 'r3', name: 'train 2025-01-20', startTime: 3 },
  ];
  const F1: Record<string, number> = { r1: 0.41234, r2: 0.5, r3: 0.3 };
  const server = (req: { url: string }) => {
    if (req.url.startsWith('/api/tracking/runs?')) return { body: RUNS };
    const one = RUNS.find((r) => req.url === `/api/tracking/runs/${r.id}`);
    if (!one) return undefined;
    const latestMetrics = [
      { key: 'test_f1', value: F1[one.id]!, step: 0, timestamp: 0 },
      { key: 'best_iteration', value: 174, step: 0, timestamp: 0 },
    ];
    return { body: { run: one, params: [], tags: [], latestMetrics } };
  };
  const f1Cells = () =>
    [...screen.getByTestId('runs').querySelectorAll('td[data-label="F1 (prueba)"]')].map(
      (td) => td.textContent,
    );

  it('sorts from a "sort by" list and an order button, since a phone shows cards without the headers', async () => {
    renderApp(<ExperimentsPage />, server, 'es');
    await screen.findByTestId('runs');
    fireEvent.change(screen.getByLabelText('Ordenar por'), { target: { value: 'metric:test_f1' } });
    expect(f1Cells()).toEqual(['0,500', '0,412', '0,300']);
    fireEvent.click(screen.getByRole('button', { name: 'Orden: descendente ▼' }));
    expect(f1Cells()).toEqual(['0,300', '0,412', '0,500']);
    // The header it sorts by says so too, as when it is clicked on a desktop.
    expect(screen.getByRole('columnheader', { name: /^F1 \(prueba\)/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(screen.getByRole('button', { name: 'Orden: ascendente ▲' })).toBeTruthy();
  });

  it('labels every figure of a card and writes scores with 3 decimals, counts as whole numbers', async () => {
    renderApp(<ExperimentsPage />, server, 'en');
    const table = await screen.findByTestId('runs');
    const first = table.querySelector('tbody tr')!;
    const figures = [...first.querySelectorAll('td.run-started, td.run-metric')].map((td) => [
      td.getAttribute('data-label'),
      td.textContent,
    ]);
    expect(figures.slice(1)).toEqual([
      ['F1 (test)', '0.300'],
      ['Best iteration (trees)', '174'],
    ]);
    expect(figures[0]?.[0]).toBe('Started');
  });
});

describe('metric names', () => {
  it('names a rule’s F1 by the rule, as the Models page does, and keeps an unknown metric’s logged name', async () => {
    const { metricName } = await import('../src/components/metric-name.ts');
    const { es } = await import('../src/i18n/es.ts');
    const { interpolate } = await import('../src/i18n/dictionary.ts');
    const t = (key: keyof typeof es, vars?: Readonly<Record<string, string | number>>) =>
      interpolate(es[key], vars);
    const tOr = (key: string, fallback: string) =>
      Object.hasOwn(es, key) ? es[key as keyof typeof es] : fallback;
    expect(metricName('baseline_k_of_n_f1', t, tOr)).toBe(
      'F1 de la regla «compró k de las últimas n semanas»',
    );
    expect(metricName('test_f1_new', t, tOr)).toBe('F1 en productos nuevos para el cliente (prueba)');
    expect(metricName('some_new_metric', t, tOr)).toBe('some_new_metric');
  });
});
