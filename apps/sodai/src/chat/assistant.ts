import type { ChatIntent, ChatResponse, Lang } from '../contract/api.ts';
import { queryRows } from '../store/duckdb.ts';
import type { DbLane } from '../store/db-lane.ts';
import type { ModelHolder } from '../scoring/model-holder.ts';
import { recommend } from '../scoring/recommender.ts';

/** Lower case without accents or opening marks, so "¿Cuántos?" and "cuantos" match alike. */
function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

const SPANISH =
  /\b(cuantos|cuantas|que|cliente|clientes|productos|hay|recomiendas|transacciones|realizado)\b|¿/;
const ENGLISH = /\b(how|many|what|customer|customers|products|are|there|recommend|transactions|made)\b/;

/**
 * The language a question is written in, when it says (Spanish wins ties: the distributor's language).
 *
 * @example
 * detectLang('How many customers are there?'); // 'en'
 */
export function detectLang(message: string): Lang | undefined {
  const text = normalize(message);
  if (message.includes('¿') || SPANISH.test(text)) return 'es';
  if (ENGLISH.test(text)) return 'en';
  return undefined;
}

interface Intent {
  readonly intent: ChatIntent;
  readonly customerId?: number;
}

/**
 * What a question asks. Rules, not a model: this first version answers a known set of questions.
 *
 * @example
 * classify('¿Qué le recomiendas al cliente 7?'); // { intent: 'recommend', customerId: 7 }
 */
export function classify(message: string): Intent {
  const text = normalize(message);
  const id = /(?:^|\D)(\d{1,15})(?:\D|$)/.exec(text)?.[1];
  const customerId = id === undefined ? undefined : Number(id);
  const withId = (intent: ChatIntent): Intent =>
    customerId === undefined ? { intent: 'unknown' } : { intent, customerId };
  if (/recomiend|recomendar|recomendacion|sugier|recommend|suggest/.test(text)) return withId('recommend');
  if (/transacci|compras|pedidos|transaction|purchases|orders/.test(text) && customerId !== undefined) {
    return withId('customer_transactions');
  }
  if (/(cuant|how many|numero|number|count).*(cliente|customer)/.test(text))
    return { intent: 'count_customers' };
  if (/(cuant|how many|numero|number|count).*(producto|product)/.test(text))
    return { intent: 'count_products' };
  return { intent: 'unknown' };
}

const fmt = (n: number, lang: Lang) =>
  new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: 1 }).format(n);

export interface ChatDeps {
  readonly lane: DbLane;
  readonly holder: ModelHolder;
}

/**
 * Answers a question from the data: counts come from the store, recommendations from the serving
 * model, so every figure in an answer is also returned in `data`.
 *
 * @example
 * const reply = await answerChat('¿Cuántos clientes únicos hay?', 'es', { lane, holder });
 * reply.answer; // 'Hay 1569 clientes registrados; 1490 han comprado al menos una vez.'
 */
export async function answerChat(message: string, lang: Lang, deps: ChatDeps): Promise<ChatResponse> {
  const { intent, customerId } = classify(message);
  const es = lang === 'es';
  switch (intent) {
    case 'count_customers': {
      const [r] = await deps.lane.run((c) =>
        queryRows(
          c,
          `SELECT (SELECT count(*) FROM customers) AS registered,
                  (SELECT count(DISTINCT customer_id) FROM transactions) AS buying`,
        ),
      );
      const registered = Number(r!.registered);
      const buying = Number(r!.buying);
      const answer = es
        ? `Hay ${fmt(registered, lang)} clientes registrados; ${fmt(buying, lang)} han comprado al menos una vez.`
        : `There are ${fmt(registered, lang)} registered customers; ${fmt(buying, lang)} have bought at least once.`;
      return { answer, intent, lang, data: { registered, with_purchases: buying } };
    }
    case 'count_products': {
      const [r] = await deps.lane.run((c) =>
        queryRows(
          c,
          `SELECT (SELECT count(*) FROM products) AS registered,
                  (SELECT count(DISTINCT product_id) FROM transactions) AS sold`,
        ),
      );
      const registered = Number(r!.registered);
      const sold = Number(r!.sold);
      const answer = es
        ? `Hay ${fmt(registered, lang)} productos en el catálogo; ${fmt(sold, lang)} se han vendido al menos una vez.`
        : `There are ${fmt(registered, lang)} products in the catalogue; ${fmt(sold, lang)} have been sold at least once.`;
      return { answer, intent, lang, data: { registered, sold } };
    }
    case 'customer_transactions': {
      const id = customerId!;
      const [r] = await deps.lane.run((c) =>
        queryRows(
          c,
          `SELECT (SELECT count(*) FROM customers WHERE customer_id = ${id}) AS known,
                  count(*) AS lines, count(DISTINCT order_id) AS orders,
                  min(purchase_date)::DATE::VARCHAR AS first, max(purchase_date)::DATE::VARCHAR AS last
           FROM transactions WHERE customer_id = ${id}`,
        ),
      );
      if (Number(r!.known) === 0) return unknownCustomer(id, intent, lang);
      const lines = Number(r!.lines);
      const orders = Number(r!.orders);
      const span =
        lines === 0
          ? ''
          : es
            ? ` entre el ${String(r!.first)} y el ${String(r!.last)}`
            : ` between ${String(r!.first)} and ${String(r!.last)}`;
      const answer = es
        ? `El cliente ${id} ha realizado ${fmt(lines, lang)} transacciones (líneas) en ${fmt(orders, lang)} pedidos${span}.`
        : `Customer ${id} has made ${fmt(lines, lang)} transactions (lines) in ${fmt(orders, lang)} orders${span}.`;
      return {
        answer,
        intent,
        lang,
        data: {
          customer_id: id,
          transactions: lines,
          orders,
          first: r!.first ?? null,
          last: r!.last ?? null,
        },
      };
    }
    case 'recommend': {
      const id = customerId!;
      const model = deps.holder.current()?.acquire();
      if (!model) {
        return {
          answer: es ? 'Todavía no hay un modelo cargado.' : 'No model is loaded yet.',
          intent,
          lang,
          data: {},
        };
      }
      try {
        if (!model.catalog.customers.has(id)) return unknownCustomer(id, intent, lang);
        const result = recommend(model, { customer_id: id, k: 5, exclude_recent: false }, lang);
        const items = result.recommendations.map((r) => {
          const a = r.attributes;
          const what = [a.brand, a.package, a.size === null ? null : `${fmt(a.size, lang)} L`]
            .filter((x) => x !== null)
            .join(' ');
          return `${es ? 'producto' : 'product'} ${r.product_id} (${what}; ${r.reason})`;
        });
        const answer = es
          ? `Para el cliente ${id} recomiendo: ${items.join('; ')}.`
          : `For customer ${id} I recommend: ${items.join('; ')}.`;
        return { answer, intent, lang, data: { ...result } };
      } finally {
        model.release();
      }
    }
    case 'unknown':
      return {
        answer: es
          ? 'Puedo responder cuántos clientes o productos hay, cuántas transacciones ha realizado un cliente y qué le recomiendo a un cliente (por ejemplo: "¿Qué le recomiendas al cliente 123?").'
          : 'I can answer how many customers or products there are, how many transactions a customer has made, and what I recommend to a customer (e.g. "What do you recommend to customer 123?").',
        intent,
        lang,
        data: {},
      };
  }
}

function unknownCustomer(id: number, intent: ChatIntent, lang: Lang): ChatResponse {
  return {
    answer: lang === 'es' ? `No conozco al cliente ${id}.` : `I do not know customer ${id}.`,
    intent,
    lang,
    data: { customer_id: id, known: false },
  };
}
