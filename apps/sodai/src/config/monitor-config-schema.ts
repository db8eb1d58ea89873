import { nextFireTime } from '@sodai/pipeline';
import { z } from 'zod';

const webhookSchema = z.strictObject({
  url: z.url().describe('where alert notifications are POSTed'),
  secret: z
    .string()
    .min(16)
    .optional()
    .describe('HMAC-SHA256 key for the X-Sodai-Signature header; set it with SODAI_ALERTS_WEBHOOK_SECRET'),
  format: z
    .enum(['json', 'slack'])
    .default('json')
    .describe('json: the alert event as is; slack: a Slack incoming-webhook body ({ text, blocks })'),
  maxAttempts: z.int().min(1).max(10).default(4).describe('tries per notification (the first included)'),
  retryBaseMs: z.int().min(1).default(500).describe('first retry delay; each later one doubles'),
  timeoutMs: z.int().min(100).default(5000).describe('per attempt'),
});

/**
 * Alert rules. Each threshold sits beside its rule; a rule whose input never appears (no realized
 * scores yet, no server) simply never fires.
 */
export const AlertsConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    webhook: webhookSchema.optional().describe('none = notifications go to the log and the inbox only'),
    realizedBelowRuleWeeks: z
      .int()
      .min(1)
      .default(3)
      .describe(
        "alert when a serving version's realized F1 is below the best rule's this many weeks in a row",
      ),
    realizedBelowTestF1: z
      .number()
      .gt(0)
      .max(1)
      .default(0.1)
      .describe("alert when a week's realized F1 is more than this below the version's test F1"),
    staleDataDays: z
      .int()
      .min(1)
      .default(8)
      .describe('alert when no new batch has landed for this many days (wall clock since the last ingest)'),
    staleDataLagDays: z
      .int()
      .min(1)
      .optional()
      .describe(
        'also alert when the newest purchase date is this many days behind today (data time); none = off',
      ),
    gateRejectionsInARow: z
      .int()
      .min(1)
      .default(3)
      .describe('alert when the gate rejected this many challengers in a row'),
    api: z
      .strictObject({
        windowMs: z
          .int()
          .min(1000)
          .default(300_000)
          .describe('the sliding window errors and latency are judged over'),
        minRequests: z.int().min(1).default(50).describe('fewer requests in the window decide nothing'),
        maxErrorRate: z.number().gt(0).max(1).default(0.05).describe('share of 5xx answers'),
        maxP99Ms: z.number().positive().default(1000),
        checkIntervalMs: z
          .int()
          .min(100)
          .default(30_000)
          .describe('how often the server evaluates API health'),
      })
      .prefault({}),
  })
  .prefault({});

/**
 * What `sodai gc` removes and when: each kind of data after its age limit, leftovers of interrupted
 * writes and superseded built datasets after a grace period (see `store/gc/plan-gc.ts` for what it
 * never removes).
 */
export const RetentionConfigSchema = z
  .strictObject({
    orphanGraceMinutes: z
      .int()
      .min(0)
      .default(60)
      .describe(
        'orphan files, model artifacts and superseded datasets younger than this may belong to a commit, write or read in progress and stay',
      ),
    runsDays: z
      .int()
      .min(1)
      .default(90)
      .describe(
        'tracking runs (with nested runs and artifacts) no kept model version came from go this long after they end',
      ),
    taskLogsDays: z
      .int()
      .min(1)
      .default(90)
      .describe('finished pipeline runs, their task states and logs go this long after they finish'),
    unpromotedVersionsDays: z
      .int()
      .min(1)
      .default(30)
      .describe(
        'model versions that never held an alias go this long after they were registered, with their run and artifacts',
      ),
    predictionLogDays: z
      .int()
      .min(1)
      .default(180)
      .describe('prediction log segments older than this leave the log'),
    quarantineDays: z
      .int()
      .min(1)
      .default(90)
      .describe(
        "quarantined rows go this long after their batch was ingested (the batch's report keeps the counts and examples)",
      ),
    schedule: z
      .string()
      .min(1)
      .nullable()
      .default('0 4 * * 0')
      .refine(isCron, { message: 'must be a cron expression or nickname such as @weekly' })
      .describe('when the maintenance DAG runs gc (cron, UTC; default Sundays 04:00); null = never'),
  })
  .prefault({});

function isCron(schedule: string | null): boolean {
  if (schedule === null) return true;
  try {
    nextFireTime({ id: 'maintenance', schedule, timezone: 'UTC' }, new Date(0));
    return true;
  } catch {
    return false;
  }
}
