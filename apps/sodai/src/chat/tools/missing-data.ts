import type { ChatEntities, Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { MissingData } from '../understanding/missing-data-words.ts';
import { notAnswered } from './answers.ts';
import type { ToolAnswer } from './toolbox.ts';

/** Each missing kind in words, Spanish and English. */
const NAMES: Readonly<Record<MissingData, readonly [string, string]>> = {
  price: ['precios', 'prices'],
  cost: ['costos', 'costs'],
  margin: ['márgenes ni ganancias', 'margins or profit'],
  revenue: ['montos en dinero (facturación, ingresos)', 'money amounts (revenue, sales value)'],
  stock: ['stock ni inventario', 'stock or inventory'],
  promotion: ['promociones ni descuentos', 'promotions or discounts'],
  seller: ['vendedores (quién hizo cada venta)', 'salespeople (who made each sale)'],
};

/** Questions the data can answer instead, closest to what was asked first. */
function instead(kinds: readonly MissingData[], e: ChatEntities, lang: Lang): string[] {
  const out: string[] = [];
  if (e.product_id !== undefined)
    out.push(
      say(
        lang,
        `¿Cómo van las ventas del producto ${e.product_id}?`,
        `How are sales of product ${e.product_id} going?`,
      ),
      say(
        lang,
        `¿Quién compró el producto ${e.product_id} el último mes?`,
        `Who bought product ${e.product_id} last month?`,
      ),
    );
  if (e.customer_id !== undefined)
    out.push(
      say(
        lang,
        `¿Qué compró el cliente ${e.customer_id} el último mes?`,
        `What did customer ${e.customer_id} buy last month?`,
      ),
    );
  if (kinds.includes('stock'))
    out.push(
      say(lang, '¿Qué productos se venden menos?', 'What are the slow movers?'),
      say(lang, '¿Qué productos están creciendo?', 'Which products are rising?'),
    );
  if (kinds.includes('promotion'))
    out.push(say(lang, '¿Qué productos están creciendo?', 'Which products are rising?'));
  out.push(
    say(lang, '¿Qué productos se vendieron más el último mes?', 'Which products sold the most last month?'),
    say(lang, '¿Quiénes son los mejores clientes?', 'Who are the best customers?'),
  );
  return [...new Set(out)].slice(0, 3);
}

/**
 * The answer to a question about data the platform does not have (margins, prices, stock …): which
 * data is missing, what there is instead, and questions it can answer. Not answered, and no figure.
 *
 * @example
 * missingDataAnswer(['margin'], { product_id: 20001 }, 'es').text;
 * // 'No tengo datos de márgenes ni ganancias: …'
 */
export function missingDataAnswer(kinds: readonly MissingData[], e: ChatEntities, lang: Lang): ToolAnswer {
  const names = kinds.map((k) => say(lang, ...NAMES[k]));
  const list =
    names.length > 1
      ? `${names.slice(0, -1).join(', ')} ${say(lang, 'ni', 'or')} ${names.at(-1)!}`
      : names[0]!;
  const questions = instead(kinds, e, lang);
  const text = say(
    lang,
    `No tengo datos de ${list}: la plataforma solo guarda clientes, productos y unidades vendidas (con sus pedidos y fechas); no hay precios, costos ni stock, así que no puedo dar esa cifra. Sí puedo responder, por ejemplo: ${questions.map((q) => `«${q}»`).join(', ')}.`,
    `I have no data on ${list}: the platform only holds customers, products and units sold (with their orders and dates); there are no prices, costs or stock, so I cannot give that figure. I can answer, for example: ${questions.map((q) => `"${q}"`).join(', ')}.`,
  );
  return notAnswered(text, questions, { missing: [...kinds] });
}
