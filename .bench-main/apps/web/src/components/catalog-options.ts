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
    .map((c) => ({ id: c.id, label: c.customer_type ? `${c.id} · ${c.customer_type}` : String(c.id) }))
    .sort((a, b) => a.id - b.id);
}

/** Picker options for products: "id · brand · category · package size". */
export function productOptions(catalog: UiCatalog): PickerOption[] {
  return catalog.products
    .map((p) => {
      const a = p.attributes;
      const parts = [a.brand, a.category, a.package, a.size === null ? null : String(a.size)].filter(
        (x): x is string => Boolean(x),
      );
      return { id: p.id, label: [String(p.id), ...parts].join(' · ') };
    })
    .sort((a, b) => a.id - b.id);
}
