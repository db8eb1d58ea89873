import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿Cuántos clientes tiene la región 80?" answered "No puedo limitar esta respuesta a la región
// 80": counting customers could not be narrowed to a place. The region or zone named now narrows
// the customers counted, as a type of customer does (registered, ever bought, bought in the period
// named). Checked against SQL over the same store.
const server = useChatServer();

let region = 0;
let zone = 0;

interface Counted {
  readonly registered?: number;
  readonly with_purchases?: number;
  readonly buying_in_scope?: number;
}

/** Registered customers within `where` (over `customers c`), and those who ever bought. */
async function customersWhere(where: string): Promise<{ registered: number; with_purchases: number }> {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT count(*)::DOUBLE AS registered,
            count(*) FILTER (WHERE customer_id IN (SELECT customer_id FROM transactions))::DOUBLE AS bought
     FROM customers c WHERE ${where}`,
  );
  return { registered: Number(r!.registered), with_purchases: Number(r!.bought) };
}

beforeAll(async () => {
  const [r] = await queryRows(
    server().fx.store.connection,
    `SELECT region_id::DOUBLE AS region, any_value(zone_id)::DOUBLE AS zone FROM customers
     WHERE region_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  region = Number(r!.region);
  zone = Number(r!.zone);
});

describe('the customers of a region or zone, counted', () => {
  it.each([
    ['¿cuántos clientes tiene la región {r}?', 'es', 'region'],
    ['how many customers are in region {r}', 'en', 'region'],
    // Not tuned on.
    ['cuantos clientes hay en la zona {z}', 'es', 'zone'],
    ['number of customers in zone {z}?', 'en', 'zone'],
  ] as const)('"%s"', async (template, lang, grain) => {
    const q = template.replace('{r}', String(region)).replace('{z}', String(zone));
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'count_customers', lang);
    const d = r.data as Counted;
    const where = grain === 'region' ? `c.region_id = ${region}` : `c.zone_id = ${zone}`;
    expect({ q, registered: d.registered, with_purchases: d.with_purchases }).toEqual({
      q,
      ...(await customersWhere(where)),
    });
    expect(r.answer).toContain(String(grain === 'region' ? region : zone));
  });

  it('a type of customer within the region: both narrow the count', async () => {
    const [t] = await queryRows(
      server().fx.store.connection,
      `SELECT customer_type AS t FROM customers WHERE region_id = ${region} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const type = String(t!.t);
    const r = await server().ask(`how many ${type.toLowerCase()} customers are in region ${region}`);
    expect((r.data as Counted).registered).toBe(
      (await customersWhere(`c.region_id = ${region} AND c.customer_type = '${type}'`)).registered,
    );
  });
});

describe('guards: every customer, and a place with no customers', () => {
  it('"cuantos clientes hay" counts them all', async () => {
    const r = await server().ask('cuantos clientes hay');
    expect((r.data as Counted).registered).toBe((await customersWhere('TRUE')).registered);
  });

  it('a region no customer is in is said to be none', async () => {
    const [m] = await queryRows(
      server().fx.store.connection,
      'SELECT max(region_id)::DOUBLE + 1 AS none FROM customers',
    );
    const r = await server().ask(`cuantos clientes tiene la region ${Number(m!.none)}`);
    expect({ answered: r.answered, registered: (r.data as Counted).registered }).toEqual({
      answered: false,
      registered: undefined,
    });
  });
});
