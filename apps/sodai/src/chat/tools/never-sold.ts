import { countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, productDescription, say } from '../format.ts';
import { table } from './answers.ts';
import { catalogFilter, describeFilters, scopeWords } from './filters.ts';
import { attributesOf } from './product-rows.ts';
import { rowsWanted, type Tool } from './toolbox.ts';

/**
 * "¿Qué productos nunca se vendieron?", "which products have never sold?": the catalogue's products
 * (of the brand, category or package named) with no sales line in all the data, how many of how
 * many, and the first of them by id, which "more" pages through.
 */
export const neverSoldTool: Tool = async (box, req) => {
  const { lang, vocab } = req;
  const { customer_type: _type, ...products } = req.entities;
  const f = catalogFilter(products);
  const [counts] = await box.data.query(
    `SELECT count(*)::DOUBLE AS catalogue,
            count(*) FILTER (WHERE p.product_id NOT IN (SELECT DISTINCT product_id FROM transactions))::DOUBLE AS never
     FROM products p WHERE ${f.where}`,
    f.params,
  );
  const catalogue = Number(counts!.catalogue);
  const never = Number(counts!.never);
  const k = rowsWanted(req.entities);
  const rows = await box.data.query(
    `SELECT p.product_id::DOUBLE AS product, p.brand, p.category, p.sub_category, p.segment, p.package, p.size::DOUBLE AS size
     FROM products p WHERE ${f.where} AND p.product_id NOT IN (SELECT DISTINCT product_id FROM transactions)
     ORDER BY p.product_id LIMIT ${k} OFFSET ${req.offset}`,
    f.params,
  );
  const scope = scopeWords(products, lang);
  const span =
    vocab.firstDay && vocab.lastDay
      ? say(
          lang,
          ` (datos del ${formatDay(vocab.firstDay, lang)} al ${formatDay(vocab.lastDay, lang)})`,
          ` (data from ${formatDay(vocab.firstDay, lang)} to ${formatDay(vocab.lastDay, lang)})`,
        )
      : '';
  const listed = rows
    .map((r) =>
      say(
        lang,
        `producto ${r.product} (${productDescription(attributesOf(r), lang)})`,
        `product ${r.product} (${productDescription(attributesOf(r), lang)})`,
      ),
    )
    .join('; ');
  const text =
    never === 0
      ? say(
          lang,
          `Todos los ${countOf(catalogue, lang, NOUN.product)} del catálogo${scope} se vendieron alguna vez${span}.`,
          `All ${countOf(catalogue, lang, NOUN.product)} in the catalogue${scope} sold at least once${span}.`,
        )
      : say(
          lang,
          `${formatNumber(never, lang)} de los ${countOf(catalogue, lang, NOUN.product)} del catálogo${scope} nunca se ${never === 1 ? 'vendió' : 'vendieron'}${span}${rows.length ? `: ${listed}${never > req.offset + rows.length ? '…' : ''}` : ''}.`,
          `${formatNumber(never, lang)} of the ${countOf(catalogue, lang, NOUN.product)} in the catalogue${scope} never sold${span}${rows.length ? `: ${listed}${never > req.offset + rows.length ? '…' : ''}` : ''}.`,
        );
  return {
    text,
    answered: true,
    basedOn: [
      say(lang, 'catálogo de productos y todas las ventas', 'product catalogue and every sale'),
      ...describeFilters(products, lang),
    ],
    table: table(
      [
        [say(lang, 'Producto', 'Product'), false],
        [say(lang, 'Descripción', 'Description'), false],
      ],
      rows.map((r) => [String(r.product), productDescription(attributesOf(r), lang)]),
    ),
    data: { catalogue, never_sold: never, products: rows.map((r) => Number(r.product)) },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
  };
};
