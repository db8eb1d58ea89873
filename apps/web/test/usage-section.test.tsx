import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UsageResponse } from '../src/api/contract.ts';
import { UsageSection } from '../src/pages/monitoring/usage-section.tsx';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const USAGE: UsageResponse = {
  from: '2024-05-14',
  to: '2024-06-12',
  answers: 1234,
  customers: 3,
  products: 4,
  per_day: [
    { day: '2024-06-11', answers: 234, customers: 2 },
    { day: '2024-06-12', answers: 1000, customers: 3 },
  ],
  per_route: [
    { route: 'recommend', answers: 1200 },
    { route: 'predict', answers: 34 },
  ],
  per_version: [{ version: 2, answers: 1234 }],
  top_customers: [{ customer_id: 17, answers: 900 }],
  top_products: [{ product_id: 40, answers: 600 }],
  latency_ms: { p50: 3.25, p90: 8, p99: 20.5, max: 31 },
};

describe('UsageSection', () => {
  it('states the totals, latency and top customers and products in Spanish and in English', () => {
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'es');
    expect(screen.getByText('Uso del 2024-05-14 al 2024-06-12')).toBeTruthy();
    expect(screen.getByTestId('usage-totals').textContent).toMatch(
      /1[.\s]?234 respuestas sobre 3 clientes y 4 productos/,
    );
    expect(screen.getByText(/mediana 3,3 ms, p90 8,0 ms, p99 20,5 ms/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Clientes más consultados' }).textContent).toContain('17');
    cleanup();
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'en');
    expect(screen.getByTestId('usage-totals').textContent).toBe(
      '1,234 answers about 3 customers and 4 products.',
    );
    expect(screen.getByRole('table', { name: 'Products asked about most' }).textContent).toContain('600');
  });

  it('names the routes by their pages, in the page language', () => {
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'es');
    expect(screen.getByTestId('usage-routes').textContent).toMatch(/^Recomendar: 1[.\s]?200 · Predecir: 34$/);
    cleanup();
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'en');
    expect(screen.getByTestId('usage-routes').textContent).toBe('Recommend: 1,200 · Predict: 34');
  });

  it('says so when nothing was answered', () => {
    renderApp(<UsageSection usage={{ ...USAGE, answers: 0, latency_ms: null }} />, () => undefined, 'en');
    expect(screen.getByText('No question was answered in this period.')).toBeTruthy();
    expect(screen.queryByTestId('usage-totals')).toBeNull();
  });
});
