import { z } from 'zod';

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
  redisUrl: z.string().min(1).optional().describe('redis://… to run pipeline tasks on BullMQ workers'),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: z.int().min(0).max(65535).default(8080),
      adminToken: z
        .string()
        .min(16)
        .optional()
        .describe('bearer token for admin routes; none = admin routes off'),
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
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type SodaiConfig = z.infer<typeof ConfigSchema>;
export type SodaiConfigInput = z.input<typeof ConfigSchema>;
