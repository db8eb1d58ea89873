import { z } from 'zod';
import { CATEGORIES, CUSTOMER_TYPES, PACKAGES, SEGMENTS, SUB_CATEGORIES } from './raw-tables.ts';

/** `market`: one value per cut-off, the same for every pair (e.g. last week's volume). */
export type FeatureGroup = 'pair' | 'customer' | 'product' | 'market' | 'static';

/** What a feature's value counts, so an explanation can show "3 weeks" rather than a bare 3. */
export const FEATURE_UNITS = [
  'weeks',
  'days',
  'units',
  'customers',
  'products',
  'deliveries_per_week',
  'litres',
  'share',
  'ratio',
  'coordinate',
  'category',
] as const;
export type FeatureUnit = (typeof FEATURE_UNITS)[number];

export interface FeatureSpec {
  readonly name: string;
  /** `share`: a fraction 0–1 (shown as %); `ratio`: a quotient where 1 means "as usual". */
  readonly unit: FeatureUnit;
  readonly group: FeatureGroup;
  /** Categorical features are integer codes into `categories`; XGBoost treats them as categories. */
  readonly type: 'numeric' | 'categorical';
  readonly categories?: readonly string[];
  /** A pair timing left missing (not 0) for a pair never bought; XGBoost learns where missing goes. */
  readonly missingWhenNeverBought?: boolean;
  /** What it means, in words a sales manager understands (used in explanations). */
  readonly label: { readonly es: string; readonly en: string };
}

const num = (name: string, group: FeatureGroup, unit: FeatureUnit, en: string, es: string): FeatureSpec => ({
  name,
  group,
  unit,
  type: 'numeric',
  label: { en, es },
});
const timing = (name: string, unit: FeatureUnit, en: string, es: string): FeatureSpec => ({
  ...num(name, 'pair', unit, en, es),
  missingWhenNeverBought: true,
});
const cat = (name: string, categories: readonly string[], en: string, es: string): FeatureSpec => ({
  name,
  group: 'static',
  unit: 'category',
  type: 'categorical',
  categories,
  label: { en, es },
});

/** The windows (in weeks before the cut-off) over which pair purchases are counted. */
export const PAIR_WINDOWS_WEEKS = [1, 2, 4, 8, 12, 26, 52] as const;

/**
 * The model's input: names, types and order. There is deliberately no calendar position: with a
 * year of history, week-of-year only identifies the training week (it became the second most
 * important feature and made test PR-AUC worse than a one-feature baseline); seasonality reaches
 * the model through the customer and product activity windows instead. The dataset builder selects exactly these columns in
 * this order, the model is trained on them, and serving explains predictions with their labels.
 */
export const FEATURES: readonly FeatureSpec[] = Object.freeze([
  ...PAIR_WINDOWS_WEEKS.map((w) =>
    num(
      `pair_weeks_${w}`,
      'pair',
      'weeks',
      // One week is "the last week": "in the last 1 week" / "en las últimas 1 semana" read as a typo.
      w === 1
        ? 'weeks with a purchase of this product in the last week'
        : `weeks with a purchase of this product in the last ${w} weeks`,
      w === 1
        ? 'semanas con compra de este producto en la última semana'
        : `semanas con compra de este producto en las últimas ${w} semanas`,
    ),
  ),
  timing(
    'weeks_since_last',
    'weeks',
    'weeks since the last purchase of this product',
    'semanas desde la última compra del producto',
  ),
  timing('gap_mean', 'weeks', 'usual number of weeks between purchases', 'semanas habituales entre compras'),
  timing(
    'gap_std',
    'weeks',
    'how irregular the purchases are (weeks)',
    'irregularidad de las compras (semanas)',
  ),
  timing(
    'due_ratio',
    'ratio',
    'weeks since last purchase ÷ usual gap',
    'semanas desde la última compra ÷ intervalo habitual',
  ),
  num(
    'items_4',
    'pair',
    'units',
    'units bought in the last 4 weeks (net of returns)',
    'unidades compradas en 4 semanas (netas)',
  ),
  num(
    'items_12',
    'pair',
    'units',
    'units bought in the last 12 weeks (net of returns)',
    'unidades compradas en 12 semanas (netas)',
  ),
  num(
    'items_trend',
    'pair',
    'ratio',
    'recent vs. older weekly units',
    'unidades semanales recientes frente a anteriores',
  ),
  num(
    'streak',
    'pair',
    'weeks',
    'consecutive recent weeks with a purchase',
    'semanas seguidas recientes con compra',
  ),
  timing(
    'days_since_last',
    'days',
    'days since the last purchase of this product',
    'días desde la última compra del producto',
  ),
  num(
    'pair_day_share_12',
    'pair',
    'share',
    "share of the customer's delivery days with this product (last 12 weeks)",
    'proporción de entregas del cliente con este producto (12 semanas)',
  ),
  num(
    'cust_active_weeks_12',
    'customer',
    'weeks',
    'weeks the customer ordered anything (last 12)',
    'semanas con pedidos del cliente (últimas 12)',
  ),
  num(
    'cust_basket_12',
    'customer',
    'products',
    'products per order week (last 12)',
    'productos por semana con pedido (últimas 12)',
  ),
  num(
    'cust_products_52',
    'customer',
    'products',
    'different products the customer bought in a year',
    'productos distintos comprados en un año',
  ),
  num(
    'cust_repeat_ratio',
    'customer',
    'share',
    'how often the customer repeats products',
    'cuánto repite productos el cliente',
  ),
  num(
    'prod_buyers_4',
    'product',
    'customers',
    'customers who bought this product (last 4 weeks)',
    'clientes que compraron el producto (4 semanas)',
  ),
  num(
    'cust_days_since_order',
    'customer',
    'days',
    'days since the customer last ordered anything',
    'días desde el último pedido del cliente',
  ),
  num(
    'cust_order_days_4',
    'customer',
    'days',
    'delivery days of the customer (last 4 weeks)',
    'días con entrega al cliente (4 semanas)',
  ),
  num(
    'cust_due_ratio',
    'customer',
    'ratio',
    "days since the customer's last order ÷ its usual gap",
    'días desde el último pedido ÷ intervalo habitual del cliente',
  ),
  num(
    'cust_cutoff_weekday_share',
    'customer',
    'share',
    "share of the customer's orders on the weekday the week starts",
    'proporción de pedidos del cliente en el día en que empieza la semana',
  ),
  num(
    'prod_buyers_1',
    'product',
    'customers',
    'customers who bought this product last week',
    'clientes que compraron el producto la semana pasada',
  ),
  num(
    'prod_age_weeks',
    'product',
    'weeks',
    'weeks since the product first sold (max 52)',
    'semanas desde la primera venta del producto (máx. 52)',
  ),
  num('prod_trend', 'product', 'ratio', 'product popularity trend', 'tendencia de popularidad del producto'),
  num(
    'brand_share',
    'product',
    'share',
    "brand's share of all purchases",
    'participación de la marca en las compras',
  ),
  num(
    'market_week_ratio',
    'market',
    'ratio',
    "last week's purchases ÷ the 8-week weekly average (all customers)",
    'compras de la semana pasada ÷ promedio semanal de 8 semanas (todos los clientes)',
  ),
  num(
    'market_days_1',
    'market',
    'days',
    'days with deliveries last week',
    'días con entregas la semana pasada',
  ),
  cat('customer_type', CUSTOMER_TYPES, 'kind of shop', 'tipo de cliente'),
  num('num_deliver_per_week', 'static', 'deliveries_per_week', 'deliveries per week', 'entregas por semana'),
  num('x', 'static', 'coordinate', 'location (x)', 'ubicación (x)'),
  num('y', 'static', 'coordinate', 'location (y)', 'ubicación (y)'),
  cat('category', CATEGORIES, 'category', 'categoría'),
  cat('sub_category', SUB_CATEGORIES, 'sub-category', 'subcategoría'),
  cat('segment', SEGMENTS, 'price segment', 'segmento'),
  cat('package', PACKAGES, 'package', 'envase'),
  num('size', 'static', 'litres', 'size in litres', 'tamaño en litros'),
]);

export const FEATURE_NAMES: readonly string[] = Object.freeze(FEATURES.map((f) => f.name));

/** One scored pair's features, for APIs; values are numbers (categoricals as codes) or null. */
export const FeatureVectorSchema = z.record(z.string(), z.number().nullable());
