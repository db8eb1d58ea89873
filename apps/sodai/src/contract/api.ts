import { z } from 'zod';
import { FEATURE_UNITS } from './feature-vector.ts';

// The HTTP contract of `sodai serve`: every request and response body. Validation, the OpenAPI
// document (/docs) and the route handlers' types all derive from these schemas.

/** Answer language: explanations, reasons and chat replies. */
export const LangSchema = z.enum(['es', 'en']);
export type Lang = z.infer<typeof LangSchema>;

const customerId = z.int().min(0).describe('customer identifier (clientes.customer_id)');
const productId = z.int().min(0).describe('product identifier (productos.product_id)');

/** `?lang=es|en` on every route that answers in words. */
export const LangQuerySchema = z.object({ lang: LangSchema.optional() });

// ------------------------------------------------------------------ who answers
export const ServedBySchema = z
  .object({
    kind: z.enum(['model', 'rule']),
    model_version: z.int().nullable().describe('the serving version; null while a rule serves'),
    rule: z.string().nullable().describe('the rule that serves while no model has passed the gate'),
    rule_description: z.string().nullable().describe("the rule in words, in the request's language"),
    reason: z
      .enum(['no_champion'])
      .nullable()
      .describe('why a rule serves: no_champion = no model has beaten the simple rules yet'),
  })
  .describe('what answers: the champion model, or, until one passes the gate, the best simple rule');
export type ServedBy = z.infer<typeof ServedBySchema>;

// ------------------------------------------------------------------ /predict
export const PredictQuerySchema = z.object({
  lang: LangSchema.optional(),
  shap: z
    .enum(['approx', 'exact'])
    .optional()
    .describe('exact TreeSHAP costs ~20 ms a pair on the 2024 model; approx (default) is precomputed'),
});
export const PairSchema = z.strictObject({ customer_id: customerId, product_id: productId });
export type Pair = z.infer<typeof PairSchema>;

export const MAX_BATCH_PAIRS = 1000;
export const PredictBatchSchema = z.strictObject({
  pairs: z.array(PairSchema).min(1).max(MAX_BATCH_PAIRS),
});
export const PredictRequestSchema = z
  .union([PairSchema, PredictBatchSchema])
  .describe('one pair, or `{ pairs: [...] }` for a batch of up to 1000');
export type PredictRequest = z.infer<typeof PredictRequestSchema>;

export const ContributionSchema = z.object({
  feature: z.string().describe('feature name in the model contract'),
  label: z.string().describe('what the feature means, in the answer language'),
  value: z
    .number()
    .nullable()
    .describe('the feature value for this pair (null = missing; a category code for unit "category")'),
  unit: z
    .enum(FEATURE_UNITS)
    .describe(
      'what the value counts: share = a fraction 0–1 (e.g. 0.25 = 25 %); ratio = a quotient where 1 is "as usual"; category = a code, named in the label',
    ),
  contribution: z
    .number()
    .describe(
      "SHAP value in log-odds points: contributions add up, from the model's average, to the log-odds of buying; +0.69 doubles the odds, −0.69 halves them",
    ),
});
export type Contribution = z.infer<typeof ContributionSchema>;

export const PredictionSchema = z.object({
  customer_id: z.int(),
  product_id: z.int(),
  probability: z.number().describe('probability of buying the product in the predicted week'),
  will_buy: z.boolean().describe("the decision at the model's rule: probability ≥ threshold"),
  threshold: z.number(),
  model_version: z
    .int()
    .describe('the version that scored; 0 while a rule serves because no model has passed the gate'),
  candidate: z
    .boolean()
    .describe('false when the pair is not among the scored candidates and was scored on the fly'),
  contributions_method: z
    .enum(['approx', 'exact'])
    .describe(
      "approx: XGBoost's path attributions (Saabas), precomputed; exact: TreeSHAP, on request (?shap=exact)",
    ),
  contributions: z.array(ContributionSchema).describe('the largest contributions, by magnitude'),
});
export type Prediction = z.infer<typeof PredictionSchema>;

export const PredictBatchResponseSchema = z.object({
  model_version: z.int(),
  predictions: z.array(PredictionSchema),
});
export const PredictResponseSchema = z.union([PredictionSchema, PredictBatchResponseSchema]);

// ------------------------------------------------------------------ /recommend
export const MAX_RECOMMENDATIONS = 50;
export const RecommendFiltersSchema = z.strictObject({
  category: z.string().min(1).max(100).optional(),
  brand: z.string().min(1).max(100).optional(),
  segment: z.string().min(1).max(100).optional(),
  package: z.string().min(1).max(100).optional(),
});
export type RecommendFilters = z.infer<typeof RecommendFiltersSchema>;

export const RecommendRequestSchema = z.strictObject({
  customer_id: customerId,
  k: z.int().min(1).max(MAX_RECOMMENDATIONS).default(5),
  filters: RecommendFiltersSchema.optional(),
  exclude_recent: z
    .boolean()
    .default(false)
    .describe('leave out products the customer bought in the last week before the cut-off'),
});
export type RecommendRequest = z.infer<typeof RecommendRequestSchema>;

export const ProductAttributesSchema = z.object({
  brand: z.string().nullable(),
  category: z.string().nullable(),
  sub_category: z.string().nullable(),
  segment: z.string().nullable(),
  package: z.string().nullable(),
  size: z.number().nullable(),
});
export type ProductAttributes = z.infer<typeof ProductAttributesSchema>;

export const RecommendationSchema = z.object({
  rank: z.int(),
  product_id: z.int(),
  score: z
    .number()
    .describe(
      "purchase probability (a rule's: the share of pairs it scored alike that were bought), or for popular fill-ins the share of similar shops",
    ),
  source: z
    .enum(['model', 'rule', 'popular'])
    .describe(
      'what ranked the product: the champion model; the simple rule that serves while no model has passed the gate; or popularity among similar shops',
    ),
  rule: z.string().nullable().describe("the rule's name when source is 'rule', else null"),
  attributes: ProductAttributesSchema,
  reason: z.string(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendResponseSchema = z.object({
  customer_id: z.int(),
  model_version: z.int().describe('the serving version; 0 while a rule serves'),
  served_by: ServedBySchema,
  cold_start: z.boolean().describe('true when the customer has no recent history'),
  recommendations: z.array(RecommendationSchema),
});
export type RecommendResponse = z.infer<typeof RecommendResponseSchema>;

// ------------------------------------------------------------------ /chat
export const ChatRequestSchema = z.strictObject({
  message: z.string().min(1).max(2000),
  lang: LangSchema.optional(),
  session_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, '8 to 64 letters, digits, - or _')
    .optional()
    .describe('keeps the conversation (follow-ups); the server makes one when absent'),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** What a question asks, by family: sales advice, history, the model, operations; or nothing (small talk: thanks, "ok"). */
export const ChatIntentSchema = z.enum([
  'recommend',
  'explain_recommendation',
  'likely_buyers',
  'lapsed_customers',
  'customer_history',
  'customer_basket',
  'customer_frequency',
  'customer_info',
  'product_info',
  'top_products',
  'top_customers',
  'product_buyers',
  'movers',
  'slow_movers',
  'small_customers',
  'new_products',
  'new_customers',
  'order_size',
  'customer_mix',
  'sales_share',
  'sales_trend',
  'compare_periods',
  'count_customers',
  'count_products',
  'model_info',
  'model_performance',
  'prediction_drivers',
  'drift_status',
  'pipeline_last_run',
  'pipeline_next_run',
  'last_batch',
  'help',
  'small_talk',
  'unknown',
]);
export type ChatIntent = z.infer<typeof ChatIntentSchema>;

/** A date range `[from, to]` (inclusive days) and how the question named it. */
export const ChatPeriodSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  label: z.string(),
});
export type ChatPeriod = z.infer<typeof ChatPeriodSchema>;

/** An attribute sales can be split by: one of the catalogue's, or the customer's type. */
export const ChatAttributeSchema = z.enum([
  'brand',
  'category',
  'sub_category',
  'segment',
  'package',
  'size',
  'customer_type',
]);
export type ChatAttribute = z.infer<typeof ChatAttributeSchema>;

/**
 * A quantity a question sets as a bar: "más de 100 unidades", "at least 3 orders", "menos de 10
 * clientes", "entre 10 y 50 unidades" (`between`: from `value` to `to`, both included). `of` is what
 * is counted per customer or product.
 */
export const ChatThresholdSchema = z.object({
  op: z.enum(['gt', 'gte', 'lt', 'lte', 'between']),
  value: z.number(),
  to: z.number().optional(),
  of: z.enum(['units', 'orders', 'customers', 'products']),
});
export type ChatThreshold = z.infer<typeof ChatThresholdSchema>;

/** What a question was understood to be about (all optional). */
export const ChatEntitiesSchema = z.object({
  customer_id: z.number().optional(),
  product_id: z.number().optional(),
  brand: z.string().optional(),
  category: z.string().optional(),
  sub_category: z.string().optional(),
  segment: z.string().optional(),
  package: z.string().optional(),
  size_litres: z.number().optional(),
  customer_type: z.string().optional(),
  period: ChatPeriodSchema.optional(),
  compare_to: ChatPeriodSchema.optional(),
  count: z.int().optional(),
  scope: z.enum(['product', 'all']).optional().describe('lapsed customers: of one product or of anything'),
  group_by: ChatAttributeSchema.optional().describe(
    'top products, movers and slow movers: rank brands instead of products (brand); share of sales: the attribute to split by',
  ),
  share_of: ChatAttributeSchema.optional().describe(
    'share of sales: the attribute whose named value is asked; the other values named narrow what it is a share of',
  ),
  direction: z.enum(['up', 'down']).optional().describe('movers: rising (default) or falling'),
  rank_by: z
    .enum(['orders'])
    .optional()
    .describe(
      'small customers: fewest orders first instead of fewest units; top customers: most orders first',
    ),
  threshold: ChatThresholdSchema.optional().describe(
    'customers or products past a quantity in the period ("más de 100 unidades", "at least 3 orders")',
  ),
});
export type ChatEntities = z.infer<typeof ChatEntitiesSchema>;

/** A table under an answer: column headers and rows of cells already formatted for the locale. */
export const ChatTableSchema = z.object({
  columns: z.array(z.string()),
  /** Which columns hold numbers (right-aligned). */
  numeric: z.array(z.boolean()),
  rows: z.array(z.array(z.string())),
});
export type ChatTable = z.infer<typeof ChatTableSchema>;

/** A chart under an answer: one or more series over shared labels. */
export const ChatChartSchema = z.object({
  kind: z.enum(['bar', 'line']),
  title: z.string(),
  labels: z.array(z.string()),
  series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
});
export type ChatChart = z.infer<typeof ChatChartSchema>;

export const ChatResponseSchema = z.object({
  answer: z.string(),
  intent: ChatIntentSchema,
  lang: LangSchema,
  answered: z.boolean().describe('false when the question could not be answered from the data'),
  entities: ChatEntitiesSchema,
  based_on: z.array(z.string()).describe('what the answer comes from: data, period, filters, model version'),
  table: ChatTableSchema.optional(),
  chart: ChatChartSchema.optional(),
  suggestions: z.array(z.string()).describe('questions to ask next'),
  source: z.enum(['rules', 'llm']).describe('who phrased the answer; the figures always come from tools'),
  session_id: z.string(),
  question_id: z.string().nullable().describe('for feedback; null when the question was not logged'),
  data: z.record(z.string(), z.unknown()).describe('the figures the answer is grounded in'),
});
export type ChatResponse = z.infer<typeof ChatResponseSchema>;

export const ChatFeedbackSchema = z.strictObject({
  question_id: z.string().min(1).max(64),
  rating: z.enum(['up', 'down']),
});
export type ChatFeedback = z.infer<typeof ChatFeedbackSchema>;

export const ChatAnalyticsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(20),
});
const ChatQuestionStatSchema = z.object({
  text: z.string(),
  count: z.int(),
  intent: ChatIntentSchema,
  last_asked_at: z.string(),
});
export const ChatExamplesSchema = z.object({
  families: z.array(
    z.object({
      family: z
        .string()
        .describe("the family's name in the asked language (sales, history, model, operations)"),
      questions: z.array(z.string()),
    }),
  ),
});
export type ChatExamples = z.infer<typeof ChatExamplesSchema>;

export const ChatAnalyticsSchema = z.object({
  total: z.int(),
  answered: z.int(),
  up: z.int(),
  down: z.int(),
  p95_latency_ms: z.number().nullable(),
  by_intent: z.array(z.object({ intent: ChatIntentSchema, count: z.int() })),
  frequent: z.array(ChatQuestionStatSchema),
  unanswered: z.array(ChatQuestionStatSchema),
  recent: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      lang: LangSchema,
      intent: ChatIntentSchema,
      answered: z.boolean(),
      latency_ms: z.number(),
      feedback: z.enum(['up', 'down']).nullable(),
      asked_at: z.string(),
    }),
  ),
});
export type ChatAnalytics = z.infer<typeof ChatAnalyticsSchema>;

// ------------------------------------------------------------------ errors
export const FieldIssueSchema = z.object({
  location: z.enum(['body', 'querystring', 'params', 'headers']),
  path: z.string(),
  message: z.string(),
  type: z.string().describe('the validation rule that failed (zod issue code)'),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;
/** Every error answer of every route; codes and statuses are listed in `error-codes.ts`. */
export const ErrorBodySchema = z.object({
  code: z.string().describe('stable error code (see ERROR_CODES); clients translate it'),
  message: z.string().describe('English, for people and logs; may change'),
  issues: z.array(FieldIssueSchema).optional().describe('each failing field of a 422'),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ------------------------------------------------------------------ ops

export const HealthResponseSchema = z.object({ status: z.literal('ok'), uptime_s: z.number() });
export const ReadyResponseSchema = z.object({
  ready: z.boolean(),
  model_version: z.int().nullable(),
  loaded_at: z.string().nullable(),
  served_by: ServedBySchema.nullable(),
  reason: z.string().optional(),
});

// ------------------------------------------------------------------ auth
/** What a bearer token may do: read, also operate (run, upload, reload), also move the champion. */
export const RoleSchema = z.enum(['reader', 'operator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** GET /api/auth/me: what the token sent may do, so a client can offer only that. */
export const AuthMeResponseSchema = z.object({
  role: RoleSchema.nullable().describe(
    'the role of the bearer token sent; null without a token, and for the alerts-only token (server.operatorToken)',
  ),
  alerts: z
    .boolean()
    .describe(
      'whether the token may read and acknowledge alerts: an operator, an admin, or the alerts-only token',
    ),
  signed_in: z.boolean().describe('whether the request carried a known bearer token'),
  readers_configured: z
    .boolean()
    .describe(
      'whether the server knows any token with a role; false: nobody can sign in to read the data, ' +
        'pipeline and model pages (the server needs SODAI_TOKENS, or SODAI_PUBLIC_READ=all)',
    ),
  tokens_configured: z
    .boolean()
    .describe(
      'whether the server knows any token at all, the alerts-only one included; false: nobody can sign in, ' +
        'so the web UI offers no sign-in',
    ),
  public_read: z
    .enum(['predictions', 'all'])
    .describe('what the server shows without a token (server.publicRead)'),
});
export type AuthMe = z.infer<typeof AuthMeResponseSchema>;

// ------------------------------------------------------------------ read APIs
export const ServingStateSchema = z.object({
  model_version: z.int().nullable(),
  threshold: z.number().nullable(),
  cutoff: z.string().nullable().describe('first day of the predicted week'),
  candidate_pairs: z.int(),
  customers: z.int(),
  products: z.int(),
  loaded_at: z.string().nullable(),
  registered_at: z.string().nullable(),
  served_by: ServedBySchema.nullable(),
  loading: z
    .boolean()
    .describe(
      'true while the server loads its first model after starting: nothing serves yet, but will shortly',
    ),
});

/** Customers and products of the serving snapshot, for the UI's pickers. */
export const UiCatalogSchema = z.object({
  customers: z.array(z.object({ id: z.int(), customer_type: z.string().nullable() })),
  products: z.array(z.object({ id: z.int(), attributes: ProductAttributesSchema })),
});

/** GET /api/ui/features: each model input's name and what it means, in both languages (drift page). */
export const UiFeaturesSchema = z.array(
  z.object({ name: z.string(), label: z.object({ es: z.string(), en: z.string() }) }),
);

export const ReportKindSchema = z.enum(['ingest', 'drift']);
export const ReportParamsSchema = z.object({
  kind: ReportKindSchema,
  name: z
    .string()
    .regex(/^[\w.-]+$/, 'letters, digits, dot, dash and underscore only')
    .max(200),
});
export const ReportListSchema = z.array(
  z.object({ name: z.string(), modified_at: z.string(), bytes: z.int() }),
);
/** A report as written by the ingest or the drift check: its shape depends on the kind and the version. */
export const ReportSchema = z.record(z.string(), z.unknown());

export const ReloadResponseSchema = z.object({
  serving_version: z.int().nullable().describe('the model version serving now; null while a rule serves'),
  swapped: z.boolean(),
  reason: z.string().nullable(),
});

/** Prometheus text exposition; documented for OpenAPI, sent as text. */
export const MetricsTextSchema = z.string().describe('Prometheus text exposition format 0.0.4');

export const PredictionsQuerySchema = z.strictObject({
  customer_id: z.coerce.number().int().min(0).optional(),
  product_id: z.coerce.number().int().min(0).optional(),
  predicted_only: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const StoredPredictionSchema = z.object({
  cutoff: z.string(),
  customer_id: z.int(),
  product_id: z.int(),
  score: z.number(),
  rank_in_customer: z.int(),
  predicted: z.boolean(),
  model_version: z.int(),
});
export const PredictionsResponseSchema = z.object({
  cutoff: z.string().nullable(),
  total: z.int(),
  predictions: z.array(StoredPredictionSchema),
});

export const IngestionsResponseSchema = z.array(z.record(z.string(), z.unknown()));

// ------------------------------------------------------------------ admin APIs
export const PromoteRequestSchema = z.strictObject({
  version: z.int().min(1),
  reason: z.string().min(1).max(1000).default('promoted through the admin API'),
});
export const RollbackRequestSchema = z.strictObject({
  reason: z.string().min(1).max(1000),
  to_version: z.int().min(1).optional(),
});
export const AliasMoveResponseSchema = z.object({
  alias: z.string(),
  version: z.int(),
  serving_version: z.int().nullable().describe('the version serving answers once the reload finished'),
});
export const UploadParamsSchema = z.object({
  file: z
    .string()
    // No leading dot: hidden files are never batches (and uploads in progress are hidden).
    .regex(
      /^[\w-][\w.-]*\.(parquet|csv)$/,
      'a plain file name ending in .parquet or .csv, not starting with a dot',
    )
    .max(200),
});
/** `?replace=true` overwrites a file of the same name still waiting in the landing folder. */
export const UploadQuerySchema = z.object({ replace: z.enum(['true', 'false']).optional() });
/** `path` is relative to the data folder (`landing/<file>`): responses never reveal server paths. */
export const UploadResponseSchema = z.object({ path: z.string(), bytes: z.int() });
/** A batch file in the landing: any name a weekly ingest reads (a file put there by hand may be `.pq`). */
export const LandingFileParamsSchema = z.object({
  file: z
    .string()
    .regex(/^[\w-][\w.-]*\.(parquet|pq|csv)$/i, 'a batch file name ending in .parquet, .pq or .csv')
    .max(200),
});
export const LandingStateSchema = z
  .enum(['ingested', 'refused', 'waiting'])
  .describe(
    'ingested: its content landed (removing the file keeps the data); refused: validation refused it and every run reads it again; waiting: no run has read it yet',
  );
export const LandingFileSchema = z.object({
  name: z.string(),
  bytes: z.int(),
  modified_at: z.string().describe('ISO 8601'),
  state: LandingStateSchema,
  batch_id: z.string().nullable().describe('the ingestion whose validation report tells about this content'),
  message: z.string().nullable().describe('why validation refused it'),
  checked_at: z.string().nullable().describe('when a run last recorded this content (ISO 8601)'),
});
export const LandingListResponseSchema = z.object({
  /** `landing` for the server's folder (never a server path), or the S3 prefix's URL. */
  where: z.string(),
  files: z.array(LandingFileSchema),
});
export const LandingRemoveResponseSchema = z.object({
  removed: z.string(),
  state: LandingStateSchema.describe('what the file was when it was removed'),
});
