import { z } from 'zod';
import { AlertsConfigSchema, RetentionConfigSchema } from './monitor-config-schema.ts';

/**
 * The one configuration object: defaults live here and nowhere else. Units are in the key names.
 * Unknown keys are rejected so a typo in a config file is an error, not a silent default.
 */
export const ConfigSchema = z.strictObject({
  dataDir: z
    .string()
    .min(1)
    .default('./.sodai')
    .describe('where the DuckDB store, reports and artifacts live'),
  landingDir: z
    .string()
    .min(1)
    .optional()
    .describe('folder where weekly transaction files land (default: <dataDir>/landing)'),
  source: z
    .discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('folder'),
        path: z.string().min(1).optional().describe('default: landingDir'),
      }),
      z.strictObject({
        kind: z.literal('s3'),
        url: z
          .string()
          .regex(/^s3:\/\/[^/]+/, 'an s3://bucket/prefix/ URL')
          .describe('every object under the prefix is a weekly batch, ingested once, in key order'),
      }),
      z
        .strictObject({
          kind: z.literal('postgres'),
          url: z
            .string()
            .regex(/^postgres(ql)?:\/\//, 'a postgres://… URL')
            .describe('leave the password out and set PGPASSWORD instead'),
          table: z.string().min(1).optional().describe('schema.table to read'),
          query: z.string().min(1).optional().describe('a SELECT to read instead of a table'),
          watermarkColumn: z
            .string()
            .min(1)
            .describe('each run reads the rows after the last landed value of this column'),
        })
        .refine((s) => (s.table === undefined) !== (s.query === undefined), {
          message: 'give exactly one of table and query',
          path: ['table'],
        }),
    ])
    .optional()
    .describe("where the weekly run's batches come from (default: the landing folder)"),
  databaseUrl: z
    .string()
    .min(1)
    .optional()
    .describe('metadata database: postgres://… or a SQLite file path (default: <dataDir>/metadata.sqlite)'),
  objectStore: z
    .string()
    .min(1)
    .optional()
    .describe(
      'where data files live: a folder, file:/path or s3://bucket/prefix (default: <dataDir>/objects); ' +
        'the S3 endpoint, region and credentials come from the standard AWS_* variables',
    ),
  storeMemoryLimit: z
    .string()
    .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/, 'a size such as 4GB or 512MB')
    .default('4GB')
    .describe('DuckDB memory cap for the data store; beyond it DuckDB spills to disk'),
  redisUrl: z.string().min(1).optional().describe('redis://… to run pipeline tasks on BullMQ workers'),
  queueName: z.string().min(1).default('sodai-pipeline').describe('BullMQ queue of pipeline tasks'),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.int().min(0).max(65535).default(8080),
      adminToken: z
        .string()
        .min(16)
        .optional()
        .describe('bearer token for admin routes; none = admin routes off'),
      tokens: z
        .array(
          z.strictObject({
            name: z.string().regex(/^[\w.@-]{1,64}$/, 'a name of letters, digits, _ . @ -'),
            role: z.enum(['reader', 'operator', 'admin']),
            sha256: z
              .string()
              .regex(/^[0-9a-f]{64}$/, 'the hex sha256 of the token (`printf %s TOKEN | sha256sum`)'),
          }),
        )
        .default([])
        .describe('named bearer tokens, stored as their sha256; the name is the audit actor'),
      tokenSecrets: z
        .string()
        .optional()
        .describe('name:role:token[,…] from SODAI_TOKENS (hashed when the server starts, never printed)'),
      publicRead: z
        .enum(['predictions', 'all'])
        .default('predictions')
        .describe(
          'what needs no token: `predictions` (/predict, /recommend, /chat, the UI shell) or `all`; ' +
            'raw data, prediction lists, reports, tracking and artifacts otherwise need a reader token',
        ),
      trustProxy: z
        .union([z.boolean(), z.string().min(1)])
        .default(false)
        .describe(
          'behind a reverse proxy: the proxy addresses/CIDRs (comma-separated) whose X-Forwarded-For ' +
            'names the client, or true to trust any; false = the socket address is the client',
        ),
      exitWhenBrokenS: z
        .int()
        .min(0)
        .default(60)
        .describe(
          '`sodai serve` exits (code 70) when the store, catalog or registry failed every check this ' +
            'long, so its supervisor restarts it; 0 = never',
        ),
      pipelineTasks: z
        .enum(['process', 'inline'])
        .default('process')
        .describe(
          'where `sodai serve` runs pipeline tasks without Redis: `process` (a child process per task, ' +
            "so a weekly run's memory and crashes stay out of the server) or `inline` (in the server)",
        ),
      bulkScoring: z
        .strictObject({
          capacity: z.number().positive().default(20_000),
          refillPerSecond: z.number().positive().default(2_000),
        })
        .prefault({})
        .describe('per-client budget of pairs scored on the spot by /predict (exact SHAP costs 25 each)'),
      requestLog: z
        .enum(['all', 'cold', 'off'])
        .default('cold')
        .describe(
          'one log line per request: all routes, only the cold ones (not /predict, /recommend, /health, /ready, /metrics, static files), or none; failures are logged either way',
        ),
      operatorToken: z
        .string()
        .min(16)
        .optional()
        .describe(
          'alerts-only bearer token (caller `alerts`, no role): may read and acknowledge alerts and nothing else; operator and admin tokens may too',
        ),
      memoryCopyMaxRows: z
        .int()
        .min(0)
        .default(5_000_000)
        .describe(
          'the server keeps customers, products and transactions in memory (re-read when a batch lands) ' +
            'while a table has at most this many rows, so chat and history questions do not scan Parquet; 0 = never',
        ),
    })
    .prefault({}),
  validation: z
    .strictObject({
      outlierMadMultiplier: z
        .number()
        .positive()
        .default(50)
        .describe("items above the customer's median + k × MAD of their positive items are outliers"),
      outlierSeverity: z.enum(['warn', 'quarantine']).default('warn'),
      futureToleranceDays: z
        .int()
        .min(0)
        .default(0)
        .describe('dates later than as-of + this are future rows'),
    })
    .prefault({}),
  model: z
    .strictObject({
      nTrials: z
        .int()
        .min(1)
        .default(1)
        .describe('TPE trials per training (the first is the warm start; the search surface is flat)'),
      seed: z.int().min(0).default(42),
      trainWeeks: z
        .int()
        .min(1)
        .default(52)
        .describe('weekly cut-offs the model learns from (only those with 4 weeks of history before them)'),
      negativeSampleRate: z
        .number()
        .gt(0)
        .max(1)
        .default(0.25)
        .describe('share of non-purchase training rows kept, weighted back up (1 = all)'),
      refit: z
        .boolean()
        .default(false)
        .describe('retrain the chosen parameters on training + validation weeks after the search'),
      decisionRule: z
        .enum(['expected-f1', 'threshold'])
        .default('expected-f1')
        .describe(
          "expected-f1: per week, the count maximising expected F1 from calibrated probabilities; threshold: validation's best cut",
        ),
      validationWeeks: z
        .int()
        .min(1)
        .default(3)
        .describe('weeks for early stopping, tuning and the decision rule'),
      lookbackWeeks: z
        .int()
        .min(1)
        .max(52)
        .default(52)
        .describe('a pair bought within this many weeks is a candidate'),
      exploreK: z
        .int()
        .min(0)
        .default(30)
        .describe('popular products of the customer type added as candidates'),
      gateMarginF1: z
        .number()
        .min(0)
        .default(0.002)
        .describe('F1 a challenger must gain over champion and best baseline'),
      gateNdcgTolerance: z
        .number()
        .min(0)
        .default(0.01)
        .describe("how much lower than the champion's NDCG@5 a challenger's may be and still pass"),
      maxAgeWeeks: z.int().min(1).default(4).describe('retrain when the champion is older than this'),
      retrainOnDrift: z
        .boolean()
        .default(true)
        .describe(
          'retrain when the drift check says the data drifted; false = drift is only reported and alerted, ' +
            'and the champion is retrained by age (maxAgeWeeks)',
        ),
    })
    .prefault({}),
  chat: z
    .strictObject({
      llm: z
        .strictObject({
          baseUrl: z
            .url()
            .optional()
            .describe('OpenAI-compatible API base, e.g. http://127.0.0.1:11434/v1 (Ollama); none = LLM off'),
          model: z.string().min(1).default('llama3.1').describe('model name the endpoint serves'),
          apiKey: z
            .string()
            .min(1)
            .optional()
            .describe('bearer key; set it with SODAI_CHAT_LLM_API_KEY rather than in the file'),
          timeoutMs: z.int().min(100).default(8000).describe('after this the built-in answer is given'),
        })
        .prefault({}),
      logQuestions: z.boolean().default(true).describe('log questions for chat analytics'),
    })
    .prefault({}),
  alerts: AlertsConfigSchema,
  retention: RetentionConfigSchema,
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SodaiConfig = z.infer<typeof ConfigSchema>;
export type SodaiConfigInput = z.input<typeof ConfigSchema>;
/** The model's settings: search, windows, gate margin, retraining age. */
export type ModelSettings = SodaiConfig['model'];
/** Alert rules, their thresholds and where notifications go. */
export type AlertsConfig = SodaiConfig['alerts'];
/** What `sodai gc` keeps and for how long. */
export type RetentionConfig = SodaiConfig['retention'];
