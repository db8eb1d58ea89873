import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import MonitoringPage from '../src/pages/monitoring/monitoring-page.tsx';
import { renderApp, type Route } from './render.tsx';

afterEach(cleanup);

/** Requests (all 200) and a one-bucket latency histogram per route, as the server exposes them. */
function metricsText(requests: Record<string, number>): string {
  return Object.entries(requests)
    .flatMap(([route, n]) => [
      `sodai_http_requests_total{method="GET",route="${route}",status="200"} ${n}`,
      `sodai_http_request_duration_seconds_bucket{le="0.05",method="GET",route="${route}"} ${n}`,
      `sodai_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="${route}"} ${n}`,
      `sodai_http_request_duration_seconds_sum{method="GET",route="${route}"} ${n * 0.01}`,
      `sodai_http_request_duration_seconds_count{method="GET",route="${route}"} ${n}`,
    ])
    .join('\n');
}

const SERVER: Route = (req) =>
  req.url === '/metrics'
    ? {
        text: true,
        body: metricsText({
          '/predict': 9,
          '/api/predictions': 1,
          '/api/tracking/runs': 6,
          '/api/tracking/runs/:runId': 6,
          '/api/auth/me': 4,
          '/assets/index.js': 50,
          '/brand-new': 2,
        }),
      }
    : undefined;

/** The first cell of each row of the requests table. */
async function routeNames(): Promise<string[]> {
  const table = await screen.findByTestId('routes');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent ?? '');
}

describe('MonitoringPage requests per part of the server', () => {
  it.each([
    {
      lang: 'es',
      names: ['Experimentos', 'Predicciones', 'Inicio de sesión', '/brand-new'],
    },
    { lang: 'en', names: ['Experiments', 'Predictions', 'Sign-in', '/brand-new'] },
  ] as const)(
    'names routes in words, not API paths, adding up each part ($lang)',
    async ({ lang, names }) => {
      renderApp(<MonitoringPage />, SERVER, lang);
      expect(await routeNames()).toEqual(names);
      const experiments = within(await screen.findByTestId('routes')).getAllByRole('row')[1]!;
      // /api/tracking/runs and /api/tracking/runs/:runId: 6 + 6 requests in one row.
      expect(experiments.querySelectorAll('td')[1]?.textContent).toBe('12');
    },
  );

  it('writes the 95-of-100 bound without a trailing ",0" (a bucket bound is a whole number of ms)', async () => {
    renderApp(<MonitoringPage />, SERVER, 'es');
    const first = within(await screen.findByTestId('routes')).getAllByRole('row')[1]!;
    expect(first.querySelectorAll('td')[4]?.textContent).toBe('≤ 50');
  });
});
