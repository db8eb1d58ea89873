import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestReport } from '../src/api/report-types.ts';
import { ValidationReport } from '../src/pages/data/validation-report.tsx';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const REPORT: IngestReport = {
  batchId: 'transactions-20261130T052713Z-ef1abd2576-d51e10',
  table: 'transactions',
  file: '/srv/landing/week-2024-06-10.parquet',
  outcome: 'ingested',
  message: '',
  rows: { read: 747, accepted: 744, quarantined: 3 },
  checks: [
    {
      id: 'duplicate_row',
      severity: 'quarantine',
      description: 'exact copy of an earlier row',
      policy: 'quarantine',
      count: 1,
      examples: [
        {
          row: 58,
          detail: 'duplicate of row 57',
          record: {
            customer_id: 100092,
            product_id: 20113,
            purchase_date: '2024-06-10',
            items: 0.6666666666666666,
            region: 'norte',
          },
        },
      ],
    },
  ],
};

describe('ValidationReport', () => {
  const REFUSED: IngestReport = {
    ...REPORT,
    outcome: 'rejected',
    rows: { read: 0, accepted: 0, quarantined: 0 },
    checks: [],
    message:
      's3://walk/landing/week-2024-12-30.csv: batch rejected: missing column "order_id" (the order the line belongs to; expected an integer)',
    fatal: [
      { check: 'missing_column', column: 'order_id', message: '… missing column "order_id" …' },
      { check: 'overlap', column: 'purchase_date', message: '… overlap …' },
    ],
  };

  it.each([
    { lang: 'es', first: 'Falta la columna «order_id».', detail: 'Detalle técnico' },
    { lang: 'en', first: 'Column “order_id” is missing.', detail: 'Technical detail' },
  ] as const)(
    "says why a batch was refused in the reader's language ($lang), the server's sentence as the technical detail",
    ({ lang, first, detail }) => {
      renderApp(<ValidationReport report={REFUSED} />, () => undefined, lang);
      const reasons = screen.getByTestId('refusal-reasons');
      const items = within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(items).toHaveLength(2);
      expect(items[0]).toBe(first);
      expect(within(reasons).getByText(detail).tagName).toBe('SUMMARY');
      expect(within(reasons).getByText(REFUSED.message).closest('details')).not.toBeNull();
      // Refused before its rows were checked: no empty checks table, no "no row was quarantined".
      expect(screen.queryByTestId('checks')).toBeNull();
      expect(screen.queryAllByRole('heading', { level: 3 })).toEqual([]);
    },
  );

  it('is named by its file, as the batch list names it, with the batch id only as a tooltip', () => {
    renderApp(<ValidationReport report={REPORT} />, () => undefined, 'es');
    const title = screen.getByRole('heading', { level: 2 });
    expect(title.textContent).toBe('Informe de validación: week-2024-06-10.parquet');
    expect(title.querySelector('[title]')?.getAttribute('title')).toBe(REPORT.batchId);
    expect(screen.getByTestId('validation-report').textContent).not.toContain(REPORT.batchId);
  });

  it.each([
    {
      lang: 'es',
      headers: [
        'Clientecustomer_id',
        'Productoproduct_id',
        'Fecha de comprapurchase_date',
        'Unidadesitems',
        'region',
      ],
      items: '0,667',
    },
    {
      lang: 'en',
      headers: [
        'Customercustomer_id',
        'Productproduct_id',
        'Purchase datepurchase_date',
        'Unitsitems',
        'region',
      ],
      items: '0.667',
    },
  ] as const)(
    'heads the quarantined rows with words over the file’s column names, values with at most 3 decimals ($lang)',
    ({ lang, headers, items }) => {
      renderApp(<ValidationReport report={REPORT} />, () => undefined, lang);
      const table = screen.getAllByRole('table')[1]!;
      const names = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
      expect(names.slice(1, -1)).toEqual(headers);
      const cells = [...within(table).getAllByRole('row')[1]!.querySelectorAll('td')].map(
        (td) => td.textContent,
      );
      // Ids without a thousands separator; 0.6666666666666666 units rounded.
      expect(cells.slice(1, 6)).toEqual(['100092', '20113', '2024-06-10', items, 'norte']);
    },
  );
});
