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
      operatorToken: z
        .string()
        .min(16)
        .optional()
        .describe('bearer token that may read and acknowledge alerts (the admin token may too)'),
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
      maxAgeWeeks: z.int().min(1).default(4).describe('retrain when the champion is older than this'),
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
