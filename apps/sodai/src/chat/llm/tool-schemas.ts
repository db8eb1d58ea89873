import type { ChatEntities, ChatIntent, ChatPeriod, ChatThreshold } from '../../contract/api.ts';
import { ChatAttributeSchema, ChatEntitiesSchema, ChatThresholdSchema } from '../../contract/api.ts';
import {
  CATEGORY_WORDS,
  CUSTOMER_TYPE_WORDS,
  PACKAGE_WORDS,
  SEGMENT_WORDS,
  SUB_CATEGORY_WORDS,
  type WordMap,
} from '../understanding/catalog-words.ts';
import type { LlmTool } from './openai-chat.ts';

/** The intents a tool answers (help, small talk and unknown have none). */
export type ToolIntent = Exclude<ChatIntent, 'help' | 'unknown' | 'small_talk'>;

/**
 * What each tool answers, for the LLM to pick one. A `Record` over the intents, so a new intent
 * does not compile until the LLM is told about it too.
 */
const TOOL_DESCRIPTIONS: Readonly<Record<ToolIntent, string>> = {
  recommend:
    'products to offer one customer next week (customer_id), or to a customer type (customer_type without customer_id)',
  explain_recommendation: 'why a product is (or is not) recommended to a customer (customer_id, product_id)',
  likely_buyers:
    'customers most likely to buy one product next week (product_id), or any product of a brand, category or package (no product_id)',
  lapsed_customers:
    'regular customers who stopped buying (anything, or a product, brand or other filter); how_many for the count',
  customer_history:
    "one customer's purchases, optionally in a period or of one product; two customers compared side by side",
  customer_basket: "one customer's usual products",
  customer_frequency: 'how often one customer buys',
  customer_info:
    'what one customer is: its type (customer_type names a type asked about: "is 1002 a wholesaler?"), region, visits, purchases',
  product_info: 'what one product is and how much it sold; two products compared side by side',
  top_products:
    'best-selling products (group_by brand: best-selling brands; another group_by: sales split by that attribute); with a threshold, the products past it',
  top_customers:
    'customers who bought the most (rank_by orders: most orders first), optionally of a product filter or customer type; with a threshold, those past it',
  product_buyers: 'customers who bought one product in a period, counted first',
  movers: 'products (or brands with group_by brand) whose sales rose most; direction down for the fallers',
  slow_movers:
    'products (or brands with group_by brand) that sold least; how_many for the count; with a threshold (lt), the products under it',
  small_customers:
    'customers who bought least (rank_by orders: fewest orders first); how_many for how many buy little; with a threshold (lt), those under it',
  new_products: 'products sold for the first time in a period',
  new_customers:
    'customers whose first purchase in the data falls in a period, optionally of a customer type',
  order_size: 'average units per order, overall or of a customer, type or product filter',
  customer_mix: 'customers split by type (shares of the customer master)',
  sales_share:
    'share of units sold: of one value (share_of names the attribute whose value is given) or split by group_by',
  sales_trend: 'weekly units sold over a period, optionally filtered; the total of a period',
  compare_periods:
    'units, orders and customers of one period against another (compare_from, compare_to); a weekly summary or digest ("how was last week?") too',
  count_customers:
    'how many customers (of a type, buying in a period or a product filter; with a threshold, past it)',
  count_products:
    'how many products in the catalogue and sold (group_by: how many brands, categories…; with a threshold, past it)',
  model_info: 'the champion model: version, training, threshold',
  model_performance: 'how good the model is: test metrics and realized performance',
  prediction_drivers: 'what drives the predictions (feature importance, or one pair)',
  drift_status:
    'whether the data drifted from the training data; also the open monitoring alerts ("any alerts?", "what\'s wrong?")',
  pipeline_last_run: 'the last weekly pipeline run and its tasks',
  pipeline_next_run: 'when the weekly pipeline runs next',
  last_batch: 'the last data batch loaded, its rows and quarantine',
};

/** The stored values a word map names, in the order first seen. */
const valuesOf = (words: WordMap): string[] => [...new Set(words.map(([, value]) => value))];

const DAY = { type: 'string', description: 'YYYY-MM-DD' } as const;
const describe = (key: keyof ChatEntities): string => ChatEntitiesSchema.shape[key].description ?? '';

/**
 * The parameters every tool takes: each entity the rules can fill, with the values the rules
 * recognize (the catalogue words' values, the contract's enums), so the LLM can ask for anything the
 * toolbox can do and nothing it cannot. Periods are flat days: an object with a label would invite
 * the LLM to write the label.
 */
const ENTITY_PARAMETERS = {
  type: 'object',
  properties: {
    customer_id: { type: 'integer', description: 'customer number' },
    product_id: { type: 'integer', description: 'product code' },
    brand: { type: 'string', description: 'brand as stored, e.g. "Brand 7"' },
    category: { type: 'string', enum: valuesOf(CATEGORY_WORDS) },
    sub_category: { type: 'string', enum: valuesOf(SUB_CATEGORY_WORDS) },
    segment: { type: 'string', enum: valuesOf(SEGMENT_WORDS) },
    package: { type: 'string', enum: valuesOf(PACKAGE_WORDS) },
    size_litres: { type: 'number', description: 'package size in litres' },
    customer_type: { type: 'string', enum: valuesOf(CUSTOMER_TYPE_WORDS) },
    period_from: DAY,
    period_to: DAY,
    compare_from: { ...DAY, description: 'compare_periods: the other period, YYYY-MM-DD' },
    compare_to: { ...DAY, description: 'compare_periods: the other period, YYYY-MM-DD' },
    count: { type: 'integer', description: 'how many rows to list' },
    group_by: { type: 'string', enum: ChatAttributeSchema.options, description: describe('group_by') },
    share_of: { type: 'string', enum: ChatAttributeSchema.options, description: describe('share_of') },
    direction: { type: 'string', enum: ['up', 'down'], description: describe('direction') },
    rank_by: { type: 'string', enum: ['orders'], description: describe('rank_by') },
    scope: { type: 'string', enum: ['product', 'all'], description: describe('scope') },
    threshold_op: {
      type: 'string',
      enum: ChatThresholdSchema.shape.op.options,
      description: 'a quantity bar: more than (gt), at least (gte), fewer than (lt), at most (lte)',
    },
    threshold_value: { type: 'number', description: 'the bar: "más de 100 unidades" is 100' },
    threshold_to: { type: 'number', description: 'between: the top of the range ("entre 10 y 50" is 50)' },
    threshold_of: {
      type: 'string',
      enum: ChatThresholdSchema.shape.of.options,
      description: 'what the bar counts per customer or product',
    },
    how_many: {
      type: 'boolean',
      description: 'the question asks how many (of a group of customers or products): the count first',
    },
  },
} as const;

/** One function per tool: the LLM routes a question to the same tools the rules use. */
export const LLM_TOOLS: readonly LlmTool[] = (Object.keys(TOOL_DESCRIPTIONS) as ToolIntent[]).map(
  (intent) => ({
    type: 'function',
    function: {
      name: intent,
      description: `SodAI tool: ${TOOL_DESCRIPTIONS[intent]}`,
      parameters: ENTITY_PARAMETERS,
    },
  }),
);

/** Whether a function name the LLM called is one of the tools. */
export function isToolIntent(name: string): name is ToolIntent {
  return Object.hasOwn(TOOL_DESCRIPTIONS, name);
}

/** What a tool call asks for: its entities, and whether it asks how many. */
export interface ToolArguments {
  readonly entities: ChatEntities;
  readonly howMany: boolean;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const isDay = (v: string | undefined): v is string => v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v);
const oneOf = <T extends string>(v: unknown, values: readonly T[]): T | undefined =>
  values.find((x) => x === v);

function period(from: unknown, to: unknown): ChatPeriod | undefined {
  const a = str(from);
  const b = str(to);
  return isDay(a) && isDay(b) ? { from: a, to: b, label: `${a} – ${b}` } : undefined;
}

function threshold(args: Readonly<Record<string, unknown>>): ChatThreshold | undefined {
  const op = oneOf(args.threshold_op, ChatThresholdSchema.shape.op.options);
  const value = num(args.threshold_value);
  if (!op || value === undefined) return undefined;
  const to = num(args.threshold_to);
  if (op === 'between' && to === undefined) return undefined;
  const of = oneOf(args.threshold_of, ChatThresholdSchema.shape.of.options) ?? 'units';
  return { op, value, of, ...(op === 'between' ? { to } : {}) };
}

/**
 * The entities of a tool call, over the rules' (`fallback`): what the LLM gives wins, what it leaves
 * out keeps the rules' reading; values outside the schema are dropped rather than trusted.
 */
export function toolArguments(
  args: Readonly<Record<string, unknown>>,
  fallback: ChatEntities,
): ToolArguments {
  const attributes = ChatAttributeSchema.options;
  const picked: Partial<Record<keyof ChatEntities, unknown>> = {
    customer_id: num(args.customer_id),
    product_id: num(args.product_id),
    brand: str(args.brand),
    category: str(args.category),
    sub_category: str(args.sub_category),
    segment: str(args.segment),
    package: str(args.package),
    size_litres: num(args.size_litres),
    customer_type: str(args.customer_type),
    count: num(args.count) === undefined ? undefined : Math.trunc(num(args.count)!),
    period: period(args.period_from, args.period_to),
    compare_to: period(args.compare_from, args.compare_to),
    group_by: oneOf(args.group_by, attributes),
    share_of: oneOf(args.share_of, attributes),
    direction: oneOf(args.direction, ['up', 'down'] as const),
    rank_by: oneOf(args.rank_by, ['orders'] as const),
    scope: oneOf(args.scope, ['product', 'all'] as const),
    threshold: threshold(args),
  };
  const given = Object.fromEntries(Object.entries(picked).filter(([, v]) => v !== undefined));
  return { entities: ChatEntitiesSchema.parse({ ...fallback, ...given }), howMany: args.how_many === true };
}
