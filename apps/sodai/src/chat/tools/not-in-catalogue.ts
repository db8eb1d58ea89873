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
