import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UsageResponse } from '../src/api/contract.ts';
import { UsageSection } from '../src/pages/monitoring/usage-section.tsx';
import { CATALOG, renderApp } from './render.tsx';

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
    expect(screen.getByTestId('usage-latency').textContent).toBe(
      'Tiempo de respuesta: la mitad en menos de 3,3 ms, 9 de cada 10 en menos de 8 ms y 99 de cada 100 en menos de 20,5 ms.',
    );
    expect(screen.getByRole('table', { name: 'Clientes más consultados' }).textContent).toContain('17');
    cleanup();
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'en');
    expect(screen.getByTestId('usage-totals').textContent).toBe(
      '1,234 answers about 3 customers and 4 products.',
    );
    expect(screen.getByRole('table', { name: 'Products asked about most' }).textContent).toContain('600');
  });

  it('names the kinds of answer in words, not by route, in the page language', () => {
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'es');
    expect(screen.getByTestId('usage-routes').textContent).toMatch(
      /^por tipo: Recomendaciones: 1[.\s]?200 · Predicciones: 34$/,
    );
    cleanup();
    renderApp(<UsageSection usage={USAGE} />, () => undefined, 'en');
    expect(screen.getByTestId('usage-routes').textContent).toBe(
      'by kind: Recommendations: 1,200 · Predictions: 34',
    );
  });

  it('names the simple rule that answered before any model passed the check, not "v0"', () => {
    const usage = {
      ...USAGE,
      per_version: [
        { version: 0, answers: 34 },
        { version: 2, answers: 1200 },
      ],
    };
    renderApp(<UsageSection usage={usage} />, () => undefined, 'es');
    const text = screen.getByTestId('usage').textContent;
    expect(text).toMatch(/Por versión del modelo: Regla simple: 34 · v2: 1[.\s]?200/);
    expect(text).not.toContain('v0');
    cleanup();
    renderApp(<UsageSection usage={usage} />, () => undefined, 'en');
    expect(screen.getByTestId('usage').textContent).toContain(
      'By model version: Simple rule: 34 · v2: 1,200',
    );
  });

  it('says one customer and one product in the singular ("1 cliente", not "1 clientes")', () => {
    renderApp(
      <UsageSection usage={{ ...USAGE, answers: 1, customers: 1, products: 1 }} />,
      () => undefined,
      'es',
    );
    expect(screen.getByTestId('usage-totals').textContent).toBe('1 respuesta sobre 1 cliente y 1 producto.');
    cleanup();
    renderApp(
      <UsageSection usage={{ ...USAGE, answers: 1, customers: 1, products: 1 }} />,
      () => undefined,
      'en',
    );
    expect(screen.getByTestId('usage-totals').textContent).toBe('1 answer about 1 customer and 1 product.');
  });

  it('names the customers and products asked about most by what they are, not by id alone', async () => {
    const usage = {
      ...USAGE,
      top_customers: [{ customer_id: 7, answers: 900 }],
      top_products: [{ product_id: 41, answers: 600 }],
    };
    renderApp(<UsageSection usage={usage} />, (req) =>
      req.url === '/api/ui/catalog' ? { body: CATALOG } : undefined,
    );
    const customers = screen.getByRole('table', { name: 'Clientes más consultados' });
    expect(await within(customers).findByText('7 · ABARROTES')).toBeTruthy();
    const products = screen.getByRole('table', { name: 'Productos más consultados' });
    expect(within(products).getByText('41 · Brand 2 · JUGOS · LATA · 0.33')).toBeTruthy();
  });

  it('says so when nothing was answered', () => {
    renderApp(<UsageSection usage={{ ...USAGE, answers: 0, latency_ms: null }} />, () => undefined, 'en');
    expect(screen.getByText('No prediction or recommendation was asked for in this period.')).toBeTruthy();
    expect(screen.queryByTestId('usage-totals')).toBeNull();
  });
});
