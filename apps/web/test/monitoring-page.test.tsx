import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RealizedResponse, RequestFigures } from '../src/api/contract.ts';
import MonitoringPage from '../src/pages/monitoring/monitoring-page.tsx';
import { renderApp, type Route } from './render.tsx';

afterEach(cleanup);

/** What the server answers on GET /api/monitor/requests: its parts added up, most requests first. */
const FIGURES: RequestFigures = {
  areas: [
    {
      area: 'experiments',
      routes: ['/api/tracking/runs', '/api/tracking/runs/:runId'],
      requests: 12,
      errors: 0,
      mean_ms: 10,
      p95_ms: 50,
    },
    {
      area: 'predict',
      routes: ['/api/predictions', '/predict'],
      requests: 10,
      errors: 1,
      mean_ms: 4.56,
      p95_ms: 2.5,
    },
    { area: 'signIn', routes: ['/api/auth/me'], requests: 4, errors: 0, mean_ms: 1, p95_ms: null },
    { area: null, routes: ['/brand-new'], requests: 2, errors: 0, mean_ms: null, p95_ms: null },
  ],
  predictions: [
    { model_version: 0, predictions: 5 },
    { model_version: 2, predictions: 9 },
  ],
};

const SERVER: Route = (req) => (req.url === '/api/monitor/requests' ? { body: FIGURES } : undefined);

/** The cells of each row of the requests table. */
async function rows(): Promise<string[][]> {
  const table = await screen.findByTestId('routes');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? ''));
}

describe('MonitoringPage requests per part of the server', () => {
  it.each([
    { lang: 'es', names: ['Experimentos', 'Predicciones', 'Inicio de sesión', '/brand-new'] },
    { lang: 'en', names: ['Experiments', 'Predictions', 'Sign-in', '/brand-new'] },
  ] as const)(
    'names the parts the server counted in words, not API paths ($lang)',
    async ({ lang, names }) => {
      const { seen } = renderApp(<MonitoringPage />, SERVER, lang);
      expect((await rows()).map((r) => r[0])).toEqual(names);
      // The figures come as JSON: the Prometheus text of /metrics is for Prometheus.
      expect(seen.map((r) => r.url)).not.toContain('/metrics');
    },
  );

  it('writes the figures as the server gave them, the 95-of-100 bound without a trailing ",0"', async () => {
    renderApp(<MonitoringPage />, SERVER, 'es');
    expect(await rows()).toEqual([
      ['Experimentos', '12', '0', '10,0', '≤ 50'],
      ['Predicciones', '10', '1', '4,6', '≤ 2,5'],
      ['Inicio de sesión', '4', '0', '1,0', '—'],
      ['/brand-new', '2', '0', '—', '—'],
    ]);
  });
});

describe('MonitoringPage realized weeks on a phone', () => {
  const week = (w: string, f1: number, ruleHits: number) => ({
    week: w,
    days_observed: 7,
    served: [
      {
        version: 3,
        scorer: 'model',
        metrics: {
          f1,
          ndcg_at_5: 0.61234,
          top5_hits: 1300,
          top5_hit_rate: 0.4231,
          expected_units: 15234,
          realized_units: 14876,
        },
      },
    ],
    best_rule: { version: 0, scorer: 'rule:popularity', metrics: { f1: 0.3812, top5_hits: ruleHits } },
    rules: [],
    estimated: [],
  });
  const REALIZED: RealizedResponse = {
    weeks: [week('2024-12-16', 0.41234, 1100), week('2024-12-23', 0.4321, 1350)],
    waiting: [],
    estimation_error: { weeks: 0, f1_mean_abs_error: 0, f1_mean_bias: 0 },
  };
  const server: Route = (req) =>
    req.url.startsWith('/api/monitor/realized') ? { body: REALIZED } : SERVER(req);
  /** Each card's week, then each figure as [label, value]: what a phone shows without the headers. */
  const cards = (table: HTMLElement) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => [
      tr.querySelector('td.card-title')?.textContent,
      ...[...tr.querySelectorAll('td.card-figure')].map((td) => [
        td.getAttribute('data-label'),
        td.textContent,
      ]),
    ]);

  it.each([
    {
      lang: 'es',
      realized: [
        ['Servida por', 'v3'],
        ['F1', '0,432'],
        ['F1 de la regla', '0,381'],
        ['NDCG@5', '0,612'],
      ],
      business: [
        ['Clientes que compraron algo de sus 5 sugerencias', '42\u00a0%'],
        ['Productos vendidos de las 5 sugerencias', '1300'],
        ['Frente a la mejor regla', '-50'],
        ['Unidades esperadas', '15.234'],
        ['Unidades vendidas', '14.876'],
      ],
    },
    {
      lang: 'en',
      realized: [
        ['Served by', 'v3'],
        ['F1', '0.432'],
        ['Rule F1', '0.381'],
        ['NDCG@5', '0.612'],
      ],
      business: [
        ['Customers who bought something from their 5 suggestions', '42%'],
        ['Products sold from the 5 suggestions', '1,300'],
        ['Against the best rule', '-50'],
        ['Expected units', '15,234'],
        ['Units sold', '14,876'],
      ],
    },
  ] as const)(
    'labels every figure of a week card with its column name, newest week first ($lang)',
    async ({ lang, realized, business }) => {
      renderApp(<MonitoringPage />, server, lang);
      const weeks = await screen.findByTestId('realized-weeks');
      expect(cards(weeks)[0]).toEqual(['2024-12-23', ...realized]);
      expect(cards(weeks).map((c) => c[0])).toEqual(['2024-12-23', '2024-12-16']);
      const sales = screen.getByTestId('business-weeks');
      expect(cards(sales)[0]).toEqual(['2024-12-23', ...business]);
      // The week's own label reads before it on a card; both tables are marked to become cards.
      for (const table of [weeks, sales]) {
        expect(table.classList.contains('row-cards')).toBe(true);
        expect(table.querySelector('td.card-title')?.getAttribute('data-label')).toBe(
          lang === 'es' ? 'Semana del' : 'Week from',
        );
      }
    },
  );
});
