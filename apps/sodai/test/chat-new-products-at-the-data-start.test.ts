import { describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { chatDay, useChatServer } from './chat-server.ts';

// Asked of the real data, "¿qué productos nuevos salieron este año?" listed all 114 products as new:
// the data start on 1 January, so every product's first sale falls in the year, and nothing said so
// (the new customers' answer did). New products in a period that reaches back to the data's first
// day now carry the same warning; later periods do not.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
}

describe('new products in a period that starts with the data', () => {
  it.each([
    ['¿qué productos nuevos hubo en enero?', 'es', true, 'Ojo: los datos empiezan el'],
    ['which products were new this year?', 'en', true, 'Note: the data starts on'],
    ['¿qué productos nuevos hubo en abril?', 'es', false, 'Ojo: los datos empiezan el'],
  ] as const)('%s', async (q, lang, warned, words) => {
    const r = await server().ask<Reply>(q, lang);
    expect(r.intent).toBe('new_products');
    const [first] = await queryRows(
      server().fx.store.connection,
      'SELECT min(purchase_date)::DATE::VARCHAR AS d FROM transactions',
    );
    const warning = `${words} ${chatDay(String(first!.d), lang)}`;
    if (warned) expect(r.answer).toContain(warning);
    else expect(r.answer).not.toContain(warning);
  });

  it('new customers still carry their own warning', async () => {
    const r = await server().ask<Reply>('¿qué clientes nuevos hubo en enero?', 'es');
    expect(r.intent).toBe('new_customers');
    expect(r.answer).toContain('aparece como nuevo aunque fuera cliente de antes');
  });
});
