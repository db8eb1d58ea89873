import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../src/chat/vocabulary.ts';
import { correctSpelling } from '../src/chat/understanding/spelling.ts';
import { understand } from '../src/chat/understanding/understand.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// The speller's edit distance turned Spanish words it did not know into words it did: "cuéntame"
// became "cuenta" (a customer word), "quieres" "quienes", "mostrame" "mostrar". And "kuantos klientes
// ai?" was read as a question about the model, "ai" being AI. Real Spanish words and verb forms are
// now left alone, and "ai"/"ay" after a count word is "hay".
const server = useChatServer();

const ask = (message: string) => server().ask(message);

const vocab: Vocabulary = {
  brands: new Map([['brand 7', 'Brand 7']]),
  customerIds: new Set([100001, 101252]),
  productIds: new Set([20230]),
  lastDay: '2024-12-31',
  firstDay: '2024-01-01',
};
const understood = (q: string) => understand(q, vocab, 'es', undefined);

describe('the speller leaves Spanish words alone', () => {
  it.each([
    'cuentame',
    'cuentanos',
    'cuenteme',
    'cuentenme',
    'contame',
    'mostrame',
    'muestreme',
    'platicame',
    'explicame',
    'decime',
    'diganme',
    'quieres',
    'queremos',
    'cuento',
    'necesitamos',
    'tienes',
    'revisame',
    'buscame',
    'diciendome',
    'mostrarnos',
  ])('keeps "%s"', (word) => {
    expect(correctSpelling([word], 'es')).toEqual([word]);
  });

  it.each([
    // Two letters swapped back is one slip, likelier than one letter too many (chat-swapped-and-dropped-letters).
    ['clientse', 'clientes'],
    ['prodcutos', 'productos'],
    ['ofresco', 'ofrezco'],
    ['bendo', 'vendo'],
    ['kuantos', 'cuantos'],
    ['ultimso', 'ultimos'],
  ])('still corrects the misspelt "%s"', (word, right) => {
    expect(correctSpelling([word], 'es')).toEqual([right]);
  });

  it.each([
    ['cuéntame cómo van las ventas', 'sales_trend'],
    ['cuéntanos qué productos se vendieron más la semana pasada', 'top_products'],
    ['¿quieres decirme quiénes son los mejores clientes?', 'top_customers'],
    ['mostrame lo más vendido', 'top_products'],
  ])('"%s" is about sales', async (q, intent) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, intent, 'es');
  });

  it.each([
    ['cuentame cuantos productos vendimos', 'cuantos productos vendimos'],
    ['cuentame que productos se venden menos', 'que productos se venden menos'],
    ['cuentanos cuantas latas se vendieron en diciembre', 'cuantas latas se vendieron en diciembre'],
    ['quieres decirme cuantos productos hay', 'cuantos productos hay'],
  ])('a verb asking to be told changes nothing: "%s"', (q, plain) => {
    // "cuenta" is a customer ("la cuenta 100001"): read as one, it made these count customers.
    const { intent, entities } = understood(plain);
    expect(intent).not.toBe('unknown');
    expect(understood(q)).toMatchObject({ intent, entities });
  });

  it('still reads "la cuenta 100001" as a customer', () => {
    expect(understood('cuentame como van las ventas de la cuenta 100001').entities.customer_id).toBe(100001);
  });
});

describe('asking to be told before the question', () => {
  it.each([
    ['explícame cómo van las ventas', 'es', 'sales_trend'],
    ['dime qué clientes compran poco', 'es', 'small_customers'],
    ['¿me puedes decir qué productos se venden menos?', 'es', 'slow_movers'],
    ['tell me how sales are going', 'en', 'sales_trend'],
    ['can you tell me which customers buy the least?', 'en', 'small_customers'],
  ])('"%s" asks the question after the lead-in (%s)', (q, lang, intent) => {
    expect(understand(q, vocab, lang as 'es' | 'en', undefined).intent).toBe(intent);
  });

  it.each([
    ['explícame por qué recomiendas el producto 20230 al cliente 100001', 'es'],
    ['explain why you recommend product 20230 to customer 100001', 'en'],
    ['explícame la recomendación del 100001', 'es'],
  ])('"%s" still asks why', (q, lang) => {
    expect(understand(q, vocab, lang as 'es' | 'en', undefined).intent).toBe('explain_recommendation');
  });
});

describe('"ai" after a count word is "hay"', () => {
  it.each([
    ['kuantos klientes ai?', 'count_customers', {}],
    ['cuantos clientes ai', 'count_customers', {}],
    ['cuántos restaurantes ai', 'count_customers', { customer_type: 'RESTAURANT' }],
    ['cuantas latas ai en el catalogo', 'count_products', { package: 'LATA' }],
    ['kuantos productos ai?', 'count_products', {}],
    ['y cuantos mayoristas ay', 'count_customers', { customer_type: 'MAYORISTA' }],
  ])('"%s" counts (%s)', async (q, intent, entities) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, intent, 'es');
    expect(r.entities).toMatchObject(entities);
  });

  it.each([
    ['¿qué versión de la ai está en producción?', 'model_info'],
    ['¿cuántas semanas de datos usa la ai?', 'model_info'],
    ['how many customers does the AI know?', 'model_info'],
  ])('"%s" is still about the model', (q, intent) => {
    expect(understand(q, vocab, /^how/.test(q) ? 'en' : 'es', undefined).intent).toBe(intent);
  });
});
