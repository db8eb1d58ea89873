import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';
import type { ProductKind } from '../understanding/product-kind-words.ts';
import { notAnswered } from './answers.ts';
import type { ChatToolbox, ToolAnswer } from './toolbox.ts';

/**
 * The answer to a question about a kind of product the catalogue does not hold ("¿qué cliente
 * compra más cerveza?"): says so plainly and lists the categories (with their sub-categories) the
 * catalogue does hold, rather than ranking some other product. No figure.
 */
export async function notInCatalogueAnswer(
  box: ChatToolbox,
  kind: ProductKind,
  lang: Lang,
): Promise<ToolAnswer> {
  if (kind.brand) return brandNotInCatalogue(box, kind, lang);
  const rows = await box.data.query(
    `SELECT category, list(DISTINCT sub_category ORDER BY sub_category) AS subs
     FROM products WHERE category IS NOT NULL GROUP BY 1 ORDER BY 1`,
  );
  const categories = rows.map((r) => {
    const subs = (r.subs as readonly (string | null)[]).filter((s): s is string => s !== null);
    return subs.length ? `${String(r.category)} (${subs.join(', ')})` : String(r.category);
  });
  const firstSub = rows.flatMap((r) => r.subs as readonly (string | null)[]).find((s) => s !== null);
  const name = say(lang, kind.es, kind.en);
  const text = say(
    lang,
    `El catálogo no tiene ${name}, así que no tengo ventas ni predicciones de eso. Las categorías que existen son: ${categories.join('; ')}.`,
    `The catalogue holds no ${name}, so I have no sales or predictions for it. The categories that exist are: ${categories.join('; ')}.`,
  );
  const suggestions = firstSub
    ? [
        say(
          lang,
          `¿Qué clientes compran más ${firstSub.toLowerCase()}?`,
          `Who buys the most ${firstSub.toLowerCase()}?`,
        ),
        say(lang, '¿Qué porcentaje de las ventas es de cada categoría?', 'Share of sales by category'),
      ]
    : [];
  return notAnswered(text, suggestions, {
    not_in_catalogue: kind.en,
    categories: rows.map((r) => String(r.category)),
  });
}

/**
 * A well-known brand the catalogue does not hold ("¿qué clientes compran Coca-Cola?"): said plainly,
 * with how many brands the catalogue has and its best seller, to ask about instead. No other figure.
 */
async function brandNotInCatalogue(box: ChatToolbox, kind: ProductKind, lang: Lang): Promise<ToolAnswer> {
  const [n] = await box.data.query(
    'SELECT count(DISTINCT brand)::DOUBLE AS n FROM products WHERE brand IS NOT NULL',
  );
  const [top] = await box.data.query(
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id)
     WHERE p.brand IS NOT NULL GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  const brands = Number(n?.n ?? 0);
  const best = top ? String(top.brand) : undefined;
  const lead = say(
    lang,
    `El catálogo no tiene la marca ${kind.es}, así que no tengo ventas ni predicciones de ella.`,
    `The catalogue holds no brand ${kind.en}, so I have no sales or predictions for it.`,
  );
  const which = best
    ? say(
        lang,
        ` Tiene ${brands} marcas; la más vendida es ${best}.`,
        ` It has ${brands} brands; the best seller is ${best}.`,
      )
    : '';
  return notAnswered(
    lead + which,
    best
      ? [
          say(lang, `¿Qué clientes compran más ${best}?`, `Who buys the most ${best}?`),
          say(lang, 'Marcas más vendidas', 'Top brands'),
        ]
      : [],
    { not_in_catalogue: kind.en },
  );
}
