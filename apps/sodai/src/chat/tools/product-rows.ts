import type { ProductAttributes } from '../../contract/api.ts';

/** A grouped query's product attributes (`p` is `products`), for {@link attributesOf}. */
export const PRODUCT_COLUMNS = `any_value(p.brand) AS brand, any_value(p.category) AS category,
  any_value(p.sub_category) AS sub_category, any_value(p.segment) AS segment,
  any_value(p.package) AS package, any_value(p.size)::DOUBLE AS size`;

/** A result row's product attributes, for `productDescription` and `productLabel`. */
export function attributesOf(r: Readonly<Record<string, unknown>>): ProductAttributes {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    brand: text(r.brand),
    category: text(r.category),
    sub_category: text(r.sub_category),
    segment: text(r.segment),
    package: text(r.package),
    size: r.size === null || r.size === undefined ? null : Number(r.size),
  };
}
