import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestFigures } from '../src/api/contract.ts';
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
