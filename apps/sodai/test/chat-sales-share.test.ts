import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { chatNumber, chatPercent, daysAfter, useChatServer } from './chat-server.ts';

// "what % of sales are cans?" and "¿qué porcentaje de las ventas son latas?" listed the best-selling
// cans and "share of sales by package" the best sellers: they now give the share of units (and of
// the customers who bought) of that kind of product, or the breakdown by the attribute named,
// checked against SQL over the same store.
const server = useChatServer();

const ask = (message: string) => server().ask(message);
const sql = (text: string) => queryRows(server().fx.store.connection, text);

const last4Weeks = () => ({ from: daysAfter(server().lastDay, -27), to: server().lastDay });

/** Units (net) and buyers of the slice `where` within `scope` over [from, to], and of all of `scope`. */
const slice = async (from: string, to: string, where: string, scope = 'TRUE') => {
  const [r] = await sql(
    `SELECT coalesce(sum(t.items) FILTER (WHERE ${where}), 0)::DOUBLE AS units, sum(t.items)::DOUBLE AS total,
            count(DISTINCT t.customer_id) FILTER (WHERE ${where} AND t.items > 0)::DOUBLE AS buyers,
            count(DISTINCT t.customer_id) FILTER (WHERE t.items > 0)::DOUBLE AS all_buyers
     FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE ${scope} AND t.purchase_date >= DATE '${from}' AND t.purchase_date <= DATE '${to}'`,
  );
  return {
    units: Number(r!.units),
    total: Number(r!.total),
    buyers: Number(r!.buyers),
    allBuyers: Number(r!.all_buyers),
  };
};

describe('share of sales', () => {
  it.each([
    ['what % of sales are cans?', 'en'],
    ['what percentage of our sales are premium products?', 'en'],
    ['share of sales by package', 'en'],
    ['sales mix by segment', 'en'],
    ['how much of our sales volume comes from kegs?', 'en'],
    ['what percent of units sold went to restaurants last month?', 'en'],
    ['¿qué porcentaje de las ventas son latas?', 'es'],
    ['participación de las latas en las ventas', 'es'],
    ['¿qué porcentaje de las ventas fueron del segmento premium el mes pasado?', 'es'],
    ['desglose de las ventas por envase', 'es'],
    ['¿qué parte de las ventas es de restaurantes?', 'es'],
    ['porcentaje de ventas por marca', 'es'],
    ['distribución de las ventas por tamaño', 'es'],
    ['¿cuánto de las ventas es gaseosa?', 'es'],
    ['latas por marca, en porcentaje de las ventas', 'es'],
    ['share of sales by customer type', 'en'],
  ])('"%s" asks for a share of sales (%s)', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'sales_share', lang);
  });

  it.each([
    ['¿qué porcentaje de clientes son restaurantes?', 'customer_mix'],
    ['what % of customers are restaurants?', 'customer_mix'],
    ['¿cuántas latas vendimos en diciembre?', 'sales_trend'],
    ['¿cambió la distribución de las ventas respecto al entrenamiento?', 'drift_status'],
    ['which brands sell the most?', 'top_products'],
  ])('"%s" keeps its answer (%s)', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it.each(['es', 'en'] as const)(
    'gives the share of units and buyers of cans in the last 4 weeks (%s)',
    async (lang) => {
      const { from, to } = last4Weeks();
      const cans = await slice(from, to, `p.package = 'LATA'`);
      const r = await ask(
        lang === 'es' ? '¿qué porcentaje de las ventas son latas?' : 'what % of sales are cans?',
      );
      expect(r.entities.package).toBe('LATA');
      expect(r.data.share).toBeCloseTo(cans.units / cans.total, 9);
      expect(r.data.buyers_share).toBeCloseTo(cans.buyers / cans.allBuyers, 9);
      expect(r.answer).toContain(chatPercent(cans.units / cans.total, lang));
      expect(r.answer).toContain(
        `${chatNumber(cans.units, lang)} ${lang === 'es' ? 'de' : 'of'} ${chatNumber(cans.total, lang)}`,
      );
      expect(r.answer).toContain(chatPercent(cans.buyers / cans.allBuyers, lang));
      expect(r.answer).toMatch(lang === 'es' ? /^Latas: / : /^Cans: /);
    },
  );

  it('breaks sales down by package when no package is named, largest first, adding up to all units', async () => {
    const { from, to } = last4Weeks();
    const rows = await sql(
      `SELECT p.package AS package, sum(t.items)::DOUBLE AS units
       FROM transactions t JOIN products p USING (product_id)
       WHERE t.purchase_date >= DATE '${from}' AND t.purchase_date <= DATE '${to}'
       GROUP BY 1 ORDER BY units DESC, package`,
    );
    const total = rows.reduce((a, x) => a + Number(x.units), 0);
    const r = await ask('share of sales by package');
    expect(r.entities.group_by).toBe('package');
    const words: Record<string, string> = { BOTELLA: 'bottles', LATA: 'cans', TETRA: 'cartons', KEG: 'kegs' };
    expect(r.table!.rows.map((x) => x[0])).toEqual(rows.map((x) => words[String(x.package)]));
    expect(r.table!.rows.map((x) => x[2])).toEqual(
      rows.map((x) => chatPercent(Number(x.units) / total, 'en')),
    );
    expect(r.answer).toMatch(/^Sales by package the last 4 weeks \(/);
  });

  it('keeps to the period named: "¿qué porcentaje de las ventas fueron del segmento premium el mes pasado?"', async () => {
    const r = await ask('¿qué porcentaje de las ventas fueron del segmento premium el mes pasado?');
    expect(r.entities.segment).toBe('PREMIUM');
    const { from, to } = r.entities.period!;
    expect(from).toMatch(/-01$/);
    const premium = await slice(from, to, `p.segment = 'PREMIUM'`);
    expect(r.data.share).toBeCloseTo(premium.units / premium.total, 9);
    expect(r.answer).toContain(chatPercent(premium.units / premium.total, 'es'));
  });

  it('gives the share of a customer type: "what percent of units sold went to restaurants last month?"', async () => {
    const r = await ask('what percent of units sold went to restaurants last month?');
    expect(r.entities.customer_type).toBe('RESTAURANT');
    const { from, to } = r.entities.period!;
    const restaurants = await slice(from, to, `c.customer_type = 'RESTAURANT'`);
    expect(r.data.share).toBeCloseTo(restaurants.units / restaurants.total, 9);
    expect(r.answer).toContain(chatPercent(restaurants.units / restaurants.total, 'en'));
  });

  it('the last value named is the one asked, within the ones before: "¿qué porcentaje de las ventas de la marca B son latas?"', async () => {
    const [top] = await sql(
      `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
       WHERE p.package = 'LATA' GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
    );
    const brand = String(top!.brand);
    const { from, to } = last4Weeks();
    const within = await slice(from, to, `p.package = 'LATA'`, `p.brand = '${brand}'`);
    const r = await ask(`¿qué porcentaje de las ventas de la marca ${brand} son latas?`);
    expect(r.intent).toBe('sales_share');
    expect(r.entities.share_of).toBe('package');
    expect(r.data.share).toBeCloseTo(within.units / within.total, 9);
    expect(r.answer).toContain(chatPercent(within.units / within.total, 'es'));
    expect(r.answer).toContain(brand);
  });
});
