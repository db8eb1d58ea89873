import { describe, expect, it } from 'vitest';
import { routeFor } from '../src/app/routes.ts';
import { customerOptions, productOptions } from '../src/components/catalog-options.ts';
import { parseLeadingId } from '../src/components/id-picker.tsx';
import { codeForStatus } from '../src/errors.ts';
import { answerTables } from '../src/pages/chat/answer-data.ts';
import { toCsv } from '../src/pages/recommend/to-csv.ts';
import { CATALOG } from './render.tsx';

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
  it('maps the hash to a page, the first page otherwise', () => {
    expect(routeFor('#/models').path).toBe('models');
    expect(routeFor('#/chat?x=1').path).toBe('chat');
    expect(routeFor('').path).toBe('predict');
    expect(routeFor('#/nope').path).toBe('predict');
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
