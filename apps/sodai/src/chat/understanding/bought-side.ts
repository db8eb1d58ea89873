/**
 * One side of "customers who buy X but not Y": a product, or every product of a brand.
 * (A type of its own so understanding and the tool that answers agree on it.)
 */
export type BoughtSide = { readonly product: number } | { readonly brand: string };
