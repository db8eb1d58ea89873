import type { UiCatalog } from '../../api/contract.ts';

/**
 * The distinct values of one product attribute, for a filter's options, in natural order: "Brand 2"
 * before "Brand 10", as a reader expects, not as text sorts.
 *
 * @example
 * attributeValues({ customers: [], products: [b10, b2] }, 'brand'); // ['Brand 2', 'Brand 10']
 */
export function attributeValues(
  catalog: UiCatalog,
  key: 'category' | 'brand' | 'segment' | 'package',
): string[] {
  const values = new Set<string>();
  for (const p of catalog.products) {
    const v = p.attributes[key];
    if (v) values.add(v);
  }
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
}
