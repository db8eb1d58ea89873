import { agree, countOf, NOUN } from '../count-words.ts';
import { customerTypeWords, formatLitres, formatNumber, productDescription, say } from '../format.ts';
import { column, rankedTable } from './answers.ts';
import { ATTRIBUTE_PLURAL } from './attribute-words.ts';
import { catalogFilter, describeFilters, scopeWords } from './filters.ts';
import { attributesOf } from './product-rows.ts';
import { type Tool } from './toolbox.ts';

type Row = Readonly<Record<string, unknown>>;

/** A catalogue lists more rows than a ranking's five; "more" is not needed for a brand's range. */
const CATALOGUE_ROWS = 20;

/**
 * What the catalogue holds of a kind of product: with `group_by`, the values of that attribute
 * ("what sizes does brand 34 sell?": each size with its products and units ever sold); otherwise the
 * products themselves ("list products in the KEG package"), how many first, each with its units
 * ever sold. From the product table, so a product never sold is listed too. A customer type
 * ("list KEG products for restaurants") cannot narrow the catalogue, which is the same for every
 * customer: it narrows the units sold, to that type's purchases, and is said there.
 */
export const catalogueListTool: Tool = async (box, req) => {
  const { lang, entities } = req;
  const type = entities.customer_type;
  const products = { ...entities, customer_type: undefined };
  const f = catalogFilter(products);
  const scope = scopeWords(products, lang);
  const none = say(
    lang,
    `No hay productos en el catálogo${scope}.`,
    `There are no products in the catalogue${scope}.`,
  );
  const catalogue = [
    say(lang, 'catálogo de productos', 'product catalogue'),
    ...describeFilters(products, lang),
  ];
  const toType =
    type === undefined
      ? ''
      : say(lang, ` a ${customerTypeWords(type, lang)}`, ` to ${customerTypeWords(type, lang)}`);
  const soldBasis = say(
    lang,
    `unidades vendidas${toType} en todo el historial`,
    `units sold${toType} over the whole history`,
  );
  const attribute =
    entities.group_by !== undefined && entities.group_by !== 'customer_type'
      ? { column: entities.group_by, ...ATTRIBUTE_PLURAL[entities.group_by] }
      : undefined;
  const sold =
    type === undefined
      ? `(SELECT product_id, sum(items) AS units FROM transactions GROUP BY 1)`
      : `(SELECT t.product_id, sum(t.items) AS units FROM transactions t JOIN customers c USING (customer_id)
          WHERE c.customer_type = $${f.params.length + 1} GROUP BY 1)`;
  const params = type === undefined ? f.params : [...f.params, type];
  if (attribute) {
    const rows = await box.data.query(
      `SELECT p.${attribute.column} AS value, count(*)::DOUBLE AS products,
              count(s.product_id)::DOUBLE AS sold, coalesce(sum(s.units), 0)::DOUBLE AS units
       FROM products p LEFT JOIN ${sold} s USING (product_id)
       WHERE ${f.where} AND p.${attribute.column} IS NOT NULL
       GROUP BY 1 ORDER BY units DESC, value`,
      params,
    );
    const valueWords = (r: Row) =>
      attribute.column === 'size' ? formatLitres(Number(r.value), lang) : String(r.value);
    const line = (r: Row) =>
      say(
        lang,
        `${valueWords(r)} (${countOf(Number(r.products), lang, NOUN.product)}, ${countOf(Number(r.units), lang, NOUN.unit)} vendidas${toType})`,
        `${valueWords(r)} (${countOf(Number(r.products), lang, NOUN.product)}, ${countOf(Number(r.units), lang, NOUN.unit)} sold${toType})`,
      );
    const n = rows.length;
    return {
      text:
        n === 0
          ? none
          : say(
              lang,
              `En el catálogo${scope} hay ${formatNumber(n, lang)} ${attribute.es}: ${rows.map(line).join('; ')}.`,
              `The catalogue${scope} has ${formatNumber(n, lang)} ${attribute.en}: ${rows.map(line).join('; ')}.`,
            ),
      answered: true,
      basedOn: type === undefined ? catalogue : [...catalogue, soldBasis],
      table: rankedTable(
        0,
        [
          [say(lang, attribute.es, attribute.en), false],
          [say(lang, 'Productos', 'Products'), true],
          [say(lang, 'Con ventas', 'With sales'), true],
          column('units', lang),
        ],
        rows,
        (r) => [
          valueWords(r),
          formatNumber(Number(r.products), lang),
          formatNumber(Number(r.sold), lang),
          formatNumber(Number(r.units), lang),
        ],
      ),
      data: {
        attribute: entities.group_by,
        values: rows.map((r) => ({ value: r.value, products: Number(r.products), units: Number(r.units) })),
      },
    };
  }
  const rows = await box.data.query(
    `SELECT p.product_id::DOUBLE AS product, p.brand, p.category, p.sub_category, p.segment, p.package,
            p.size::DOUBLE AS size, coalesce(s.units, 0)::DOUBLE AS units, count(*) OVER ()::DOUBLE AS found,
            count(s.product_id) OVER ()::DOUBLE AS sold
     FROM products p LEFT JOIN ${sold} s USING (product_id)
     WHERE ${f.where}
     ORDER BY units DESC, product LIMIT ${Math.min(50, entities.count ?? CATALOGUE_ROWS)} OFFSET ${req.offset}`,
    params,
  );
  const found = Number(rows[0]?.found ?? 0);
  const withSales = Number(rows[0]?.sold ?? 0);
  const line = (r: Row) =>
    say(
      lang,
      `producto ${r.product} (${productDescription(attributesOf(r), lang)}), ${countOf(Number(r.units), lang, NOUN.unit)} vendidas${toType}`,
      `product ${r.product} (${productDescription(attributesOf(r), lang)}), ${countOf(Number(r.units), lang, NOUN.unit)} sold${toType}`,
    );
  const shownNote =
    found > rows.length
      ? say(
          lang,
          ` (los ${formatNumber(rows.length, lang)} más vendidos)`,
          ` (the ${formatNumber(rows.length, lang)} best sold)`,
        )
      : '';
  return {
    text:
      found === 0
        ? none
        : say(
            lang,
            `Hay ${countOf(found, lang, NOUN.product)} en el catálogo${scope}, ${formatNumber(withSales, lang)} con ventas${toType}${shownNote}: ${rows.map(line).join('; ')}.`,
            `There ${agree(found, ['is', 'are'])} ${countOf(found, lang, NOUN.product)} in the catalogue${scope}, ${formatNumber(withSales, lang)} with sales${toType}${shownNote}: ${rows.map(line).join('; ')}.`,
          ),
    answered: true,
    basedOn: [...catalogue, soldBasis],
    table: rankedTable(
      req.offset,
      [column('product', lang), column('description', lang), column('units', lang)],
      rows,
      (r) => [
        String(r.product),
        productDescription(attributesOf(r), lang),
        formatNumber(Number(r.units), lang),
      ],
    ),
    data: {
      found,
      with_sales: withSales,
      products: rows.map((r) => ({ product: Number(r.product), units: Number(r.units) })),
    },
    products: rows.map((r) => Number(r.product)),
    shown: rows.length,
  };
};
