import type { ChatEntities } from '../../contract/api.ts';

/** Whether a question names any catalogue filter: a kind of product, not a customer type. */
export function namesCatalogFilter(e: ChatEntities): boolean {
  return (
    e.brand !== undefined ||
    e.category !== undefined ||
    e.sub_category !== undefined ||
    e.segment !== undefined ||
    e.package !== undefined ||
    e.size_litres !== undefined
  );
}
