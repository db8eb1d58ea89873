/**
 * Figures measured on the distributor's 2024 data (255 k lines, 1,569 customers, 971 products),
 * which the generator reproduces. Each constant says where it comes from; the calibration test
 * compares generated statistics with the real ones.
 */

/** Customer types and their counts in clientes.parquet. */
export const CUSTOMER_TYPE_MIX = [
  { type: 'ABARROTES', weight: 1160, repertoire: 16, itemsScale: 1.9, activity: 0.62 },
  { type: 'MAYORISTA', weight: 223, repertoire: 31, itemsScale: 3.6, activity: 0.75 },
  { type: 'CANAL FRIO', weight: 85, repertoire: 13, itemsScale: 1.7, activity: 0.42 },
  { type: 'RESTAURANT', weight: 60, repertoire: 25, itemsScale: 8, activity: 0.85 },
  { type: 'SUPERMERCADO', weight: 25, repertoire: 22, itemsScale: 2, activity: 0.42 },
  { type: 'MINIMARKET', weight: 9, repertoire: 49, itemsScale: 4, activity: 0.64 },
  { type: 'TIENDA DE CONVENIENCIA', weight: 7, repertoire: 37, itemsScale: 1.9, activity: 0.58 },
] as const;

/** num_deliver_per_week: 1 → 30 customers, 2 → 40, 3 → 1,239, 4 → 257, 5 → 2, 6 → 1. */
export const DELIVERIES_MIX = [
  { value: 1, weight: 30 },
  { value: 2, weight: 40 },
  { value: 3, weight: 1239 },
  { value: 4, weight: 257 },
  { value: 5, weight: 2 },
  { value: 6, weight: 1 },
] as const;

/** Lines per weekday, Monday first (Sunday is rare). */
export const WEEKDAY_WEIGHTS = [50818, 40187, 36719, 50462, 46291, 20574, 9885] as const;

/**
 * Lines per week by month relative to the yearly mean (low in the southern winter, high in
 * spring and summer), plus a bump peaking mid-December (the busiest week has ~2× the mean).
 */
export const MONTH_FACTORS = [1.12, 1.07, 1.07, 0.95, 0.66, 0.87, 0.75, 0.94, 0.9, 1.15, 1.23, 1.15] as const;
export const DECEMBER_PEAK = { dayOfYear: 350, widthDays: 9, height: 0.7 } as const;

/** Product attributes: (segment, package) pairs and their counts in productos.parquet. */
export const SEGMENT_PACKAGE_MIX = [
  { segment: 'PREMIUM', package: 'BOTELLA', weight: 168 },
  { segment: 'MEDIUM', package: 'BOTELLA', weight: 167 },
  { segment: 'LOW', package: 'BOTELLA', weight: 133 },
  { segment: 'HIGH', package: 'BOTELLA', weight: 129 },
  { segment: 'PREMIUM', package: 'LATA', weight: 116 },
  { segment: 'MEDIUM', package: 'LATA', weight: 94 },
  { segment: 'HIGH', package: 'LATA', weight: 52 },
  { segment: 'HIGH', package: 'TETRA', weight: 43 },
  { segment: 'LOW', package: 'LATA', weight: 29 },
  { segment: 'PREMIUM', package: 'KEG', weight: 26 },
  { segment: 'HIGH', package: 'KEG', weight: 7 },
  { segment: 'MEDIUM', package: 'KEG', weight: 6 },
  { segment: 'LOW', package: 'KEG', weight: 1 },
] as const;

export const SUBCATEGORY_MIX = [
  { category: 'BEBIDAS CARBONATADAS', subCategory: 'GASEOSAS', weight: 673 },
  { category: 'BEBIDAS CARBONATADAS', subCategory: 'AGUAS SABORIZADAS', weight: 69 },
  { category: 'BEBIDAS NO CARBONATADAS', subCategory: 'JUGOS', weight: 229 },
] as const;

/** Sizes in litres by package. */
export const SIZES_BY_PACKAGE = {
  BOTELLA: [0.25, 0.5, 0.66, 1, 1.5, 2, 3],
  LATA: [0.25, 0.31, 0.33, 0.5],
  TETRA: [0.125, 0.25, 1, 2.25],
  KEG: [10, 20],
} as const;

export const BRAND_COUNT = 61;

/** Only 114 of 971 catalogue products sell at all; sales concentrate on a few (Zipf-like). */
export const SOLD_SHARE = 0.118;
export const POPULARITY_EXPONENT = 0.95;

/** 79 of 1,569 customers never buy; ~13 % start later in the year; ~4 % stop. */
export const NEVER_BUY_SHARE = 0.05;
export const LATE_START_SHARE = 0.13;
export const CHURN_SHARE = 0.045;

/** 8,384 of 254,936 lines are returns; 885 are exact copies of another line. */
export const RETURN_SHARE = 0.033;
export const DUPLICATE_SHARE = 0.0035;

/** Of sold products, the share launched during the period rather than before it. */
export const NEW_PRODUCT_SHARE = 0.06;

/** Obfuscated coordinates cluster tightly around one city. */
export const COORDINATES = { y: -46.7, x: -107.75, spread: 0.35 } as const;
