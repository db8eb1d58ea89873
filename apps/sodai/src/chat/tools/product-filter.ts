import type { ChatEntities, ProductAttributes } from '../../contract/api.ts';

/**
 * Whether a product's attributes pass the catalogue filters a question names (brand, category,
 * sub-category, segment, package, size), for tools that walk the served model's rows in memory
 * rather than query the data (`catalogFilter` is the same test in SQL).
 */
export function passesCatalogFilters(a: ProductAttributes, e: ChatEntities): boolean {
  return (
    (e.brand === undefined || a.brand === e.brand) &&
    (e.category === undefined || a.category === e.category) &&
    (e.sub_category === undefined || a.sub_category === e.sub_category) &&
    (e.segment === undefined || a.segment === e.segment) &&
    (e.package === undefined || a.package === e.package) &&
    (e.size_litres === undefined || (a.size !== null && Math.abs(a.size - e.size_litres) < 0.0005))
  );
}
