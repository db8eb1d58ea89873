/** A catalogue attribute a side of "buys X but not Y" may be named by ("latas", "jugos", "premium"). */
export type SideAttribute = 'package' | 'category' | 'sub_category' | 'segment';

/**
 * One side of "customers who buy X but not Y": a product, every product of a brand, or every
 * product of one value of another catalogue attribute ("latas pero no botellas").
 * (A type of its own so understanding and the tool that answers agree on it.)
 */
export type BoughtSide =
  | { readonly product: number }
  // "¿Qué clientes compraron sin latas?": anything at all, so buying is all that is asked of them.
  | { readonly anything: true }
  | { readonly brand: string; readonly others?: true }
  | { readonly attribute: SideAttribute; readonly value: string; readonly others?: true };
// `others`: every other brand or value ("clientes que solo compran latas" leave out other packages).
