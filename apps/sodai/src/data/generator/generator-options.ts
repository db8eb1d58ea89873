import { z } from 'zod';

export const GeneratorOptionsSchema = z.strictObject({
  customers: z.int().min(1).max(5_000_000),
  products: z.int().min(5).max(100_000),
  weeks: z.int().min(1).max(520),
  /** First day of the first week (YYYY-MM-DD); weeks run seven days from it. */
  start: z.iso.date(),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  outDir: z.string().min(1),
  /** From this week (0-based) on: baskets grow, the top product collapses, a new product takes off. */
  driftWeek: z.int().min(0).optional(),
  /** Write truth.parquet: every active pair's true purchase probability for every week. */
  truth: z.boolean().default(true),
  /** DuckDB memory limit for the run; beyond it DuckDB spills to disk. */
  memoryLimit: z.string().default('2GB'),
  threads: z.int().min(1).optional(),
});

export type GeneratorOptions = z.input<typeof GeneratorOptionsSchema>;
export type ResolvedGeneratorOptions = z.output<typeof GeneratorOptionsSchema>;
