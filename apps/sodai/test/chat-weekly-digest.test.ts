import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatNumber, useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "resumen de la semana", "give me a summary of last week", "¿cómo fue la semana?" had no answer (or
// the model's performance). They get a digest of the last complete week: units, orders and active
// customers against the week before, the three best sellers, the model serving and its last scored
// F1, and the open alerts; figures checked here against SQL over the same store.
const server = useChatServer();

interface Figures {
  units: number;
  orders: number;
  customers: number;
}
let week: { from: string; to: string };
let current: Figures;
let previous: Figures;
let top3: { product: number; units: number }[];
let servedVersion: number | null;

beforeAll(async () => {
  const c = server().fx.store.connection;
  // The last Monday–Sunday week that the data covers whole.
  const [w] = await queryRows(
    c,
    `WITH m AS (SELECT max(purchase_date)::DATE AS last FROM transactions),
          s AS (SELECT CASE WHEN isodow(last) = 7 THEN date_trunc('week', last)::DATE
                            ELSE (date_trunc('week', last) - INTERVAL 7 DAY)::DATE END AS monday FROM m)
     SELECT monday::VARCHAR AS f, (monday + 6)::VARCHAR AS t FROM s`,
  );
  week = { from: String(w!.f), to: String(w!.t) };
  const figures = async (from: string, to: string): Promise<Figures> => {
    const [r] = await queryRows(
      c,
      `SELECT coalesce(sum(items), 0)::DOUBLE AS u, count(DISTINCT order_id)::DOUBLE AS o,
              count(DISTINCT customer_id)::DOUBLE AS k
       FROM transactions WHERE purchase_date BETWEEN DATE '${from}' AND DATE '${to}'`,
    );
    return { units: Number(r!.u), orders: Number(r!.o), customers: Number(r!.k) };
  };
  current = await figures(week.from, week.to);
  const [p] = await queryRows(
    c,
    `SELECT (DATE '${week.from}' - 7)::VARCHAR AS f, (DATE '${week.from}' - 1)::VARCHAR AS t`,
  );
  previous = await figures(String(p!.f), String(p!.t));
  top3 = (
    await queryRows(
      c,
      `SELECT product_id::DOUBLE AS p, sum(items)::DOUBLE AS u FROM transactions
       WHERE purchase_date BETWEEN DATE '${week.from}' AND DATE '${week.to}'
       GROUP BY 1 HAVING sum(items) > 0 ORDER BY u DESC, p LIMIT 3`,
    )
  ).map((r) => ({ product: Number(r.p), units: Number(r.u) }));
  const serving = (await server().app.inject({ method: 'GET', url: '/api/serving' })).json<{
    model_version: number | null;
  }>();
  servedVersion = serving.model_version;
});

const pct = (now: number, before: number, lang: 'es' | 'en') => {
  const c = now / before - 1;
  const text = new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(c);
  return `${c > 0 ? '+' : ''}${text}`;
};

describe('the weekly digest', () => {
  it.each([
    ['resumen de la semana', 'es'],
    ['give me a summary of last week', 'en'],
    ['¿cómo fue la semana?', 'es'],
    // Not tuned on.
    ['weekly recap please', 'en'],
    ['hazme un resumen semanal', 'es'],
    ['how was the week?', 'en'],
    ['¿qué pasó la semana pasada?', 'es'],
    ['quick overview of the week', 'en'],
  ] as const)('"%s" sums up the last complete week against the one before', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'compare_periods', lang);
    const data = r.data as {
      period: { from: string; to: string };
      current: Figures;
      previous: Figures;
      top_products: { product: number; units: number }[];
      model_version: number | null;
      last_f1: unknown;
      open_alerts: number | null;
    };
    expect({ q, from: data.period.from, to: data.period.to }).toEqual({ q, from: week.from, to: week.to });
    expect(data.current).toEqual(current);
    expect(data.previous).toEqual(previous);
    expect(data.top_products).toEqual(top3);
    expect(data.model_version).toBe(servedVersion);
    // The fixture's store has scored no real week, and this server has no alert monitoring.
    expect(data.last_f1).toBeNull();
    expect(data.open_alerts).toBeNull();
    for (const figure of ['units', 'orders', 'customers'] as const) {
      expect(r.answer).toContain(chatNumber(current[figure], lang));
      expect(r.answer).toContain(pct(current[figure], previous[figure], lang));
    }
    for (const t of top3) expect(r.answer).toContain(String(t.product));
    expect(r.answer).toContain(lang === 'es' ? `modelo v${servedVersion}` : `model v${servedVersion}`);
  });

  it("names the served model's last F1 scored on a real week", async () => {
    // Two weeks scored for the served version, and a later one of another version, out of order.
    const records = server().fx.store.shared.catalog.monitor;
    const row = (week: string, version: number, value: number) => ({
      week,
      version,
      scorer: 'model',
      metric: 'f1',
      value,
      daysObserved: 7,
    });
    await records.replaceRealizedWeek('2024-04-29', [row('2024-04-29', servedVersion!, 0.437)]);
    await records.replaceRealizedWeek('2024-04-22', [row('2024-04-22', servedVersion!, 0.391)]);
    await records.replaceRealizedWeek('2024-05-06', [row('2024-05-06', servedVersion! + 1, 0.5)]);
    for (const [q, lang] of [
      ['resumen de la semana', 'es'],
      ['weekly summary', 'en'],
    ] as const) {
      const r = await server().ask(q);
      expect({ q, f1: r.data.last_f1 }).toEqual({ q, f1: { week: '2024-04-29', f1: 0.437 } });
      expect(r.answer).toContain(`F1 = ${lang === 'es' ? '0,437' : '0.437'}`);
    }
  });

  it("a customer summary, the model and the week's sales total keep their answers", async () => {
    const [c] = await queryRows(
      server().fx.store.connection,
      'SELECT customer_id::DOUBLE AS c FROM transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
    );
    expect((await server().ask(`resumen del cliente ${c!.c}`)).intent).toBe('customer_history');
    expect((await server().ask('resumen del modelo')).intent).toBe('model_info');
    expect((await server().ask('how did we do last week?')).intent).toBe('sales_trend');
  });

  it("last week's predictions are the model's performance, not the digest", async () => {
    for (const q of [
      "how did last week's predictions do?",
      "how was last week's prediction accuracy?",
      "how did the last week's recommendations perform?",
    ]) {
      expect({ q, intent: (await server().ask(q)).intent }).toEqual({ q, intent: 'model_performance' });
    }
    expect((await server().ask('how did last week go?')).intent).toBe('compare_periods');
  });
});
