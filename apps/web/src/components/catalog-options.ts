import type { UiCatalog } from '../api/contract.ts';
import type { PickerOption } from './id-picker.tsx';

/**
 * Picker options for customers: "id · shop type".
 *
 * @example
 * customerOptions({ customers: [{ id: 3, customer_type: 'ABARROTES' }], products: [] }); // [{ id: 3, label: '3 · ABARROTES' }]
 */
export function customerOptions(catalog: UiCatalog): PickerOption[] {
  return catalog.customers
    .map((c) => ({ id: c.id, label: [String(c.id), ...customerWords(c)].join(' · ') }))
    .sort((a, b) => a.id - b.id);
}

type CatalogCustomer = UiCatalog['customers'][number];
type CatalogProduct = UiCatalog['products'][number];

/** What the catalogue says of a customer besides its id: its shop type, when known. */
function customerWords(c: CatalogCustomer): string[] {
  return c.customer_type ? [c.customer_type] : [];
}

/** What the catalogue says of a product besides its id: brand, category, package, size. */
function productWords(p: CatalogProduct): string[] {
  const a = p.attributes;
  return [a.brand, a.category, a.package, a.size === null ? null : String(a.size)].filter((x): x is string =>
    Boolean(x),
  );
}

/**
 * A customer and a product described without their ids (for a result already titled with them), or
 * null for one the catalogue does not have or says nothing of.
 *
 * @example
 * pairWords(catalog, 7, 40); // { customer: 'ABARROTES', product: 'Brand 1 · AGUA · BOTELLA · 1' }
 */
export function pairWords(
  catalog: UiCatalog,
  customerId: number,
  productId: number,
): { customer: string | null; product: string | null } {
  const c = catalog.customers.find((x) => x.id === customerId);
  const p = catalog.products.find((x) => x.id === productId);
  const words = (w: string[] | undefined) => (w && w.length > 0 ? w.join(' · ') : null);
  return { customer: words(c && customerWords(c)), product: words(p && productWords(p)) };
}

/** Picker options for products: "id · brand · category · package size". */
export function productOptions(catalog: UiCatalog): PickerOption[] {
  return catalog.products
    .map((p) => ({ id: p.id, label: [String(p.id), ...productWords(p)].join(' · ') }))
    .sort((a, b) => a.id - b.id);
}
