import { z } from 'zod';

/**
 * Why a weekly run trained a challenger or kept the champion, with the figures it decided on. The
 * `should_retrain` task stores it as its output, so a reader words the decision in its own
 * language instead of parsing the English log line (whose wording may change).
 */
export const RetrainVerdictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('forced') }),
  z.object({ kind: z.literal('disabled') }),
  z.object({ kind: z.literal('no_champion') }),
  z.object({ kind: z.literal('incompatible_champion'), championVersion: z.number().optional() }),
  z.object({
    kind: z.literal('drift'),
    /** The drift check's own explanation (per column, technical; written by the drift check). */
    detail: z.string(),
  }),
  z.object({
    kind: z.literal('stale_champion'),
    championVersion: z.number().optional(),
    ageWeeks: z.number(),
    maxAgeWeeks: z.number(),
  }),
  z.object({
    kind: z.literal('fresh_champion'),
    championVersion: z.number().optional(),
    ageWeeks: z.number(),
    /** Absent in decisions read back from a log line, which did not say it. */
    maxAgeWeeks: z.number().optional(),
    /** Drift was seen but `model.retrainOnDrift` is off, so it only got reported. */
    driftIgnored: z.boolean(),
  }),
]);
export type RetrainVerdict = z.infer<typeof RetrainVerdictSchema>;

/** The `should_retrain` task's output. */
export const RetrainDecisionSchema = z.object({
  retrain: z.boolean(),
  /** The same decision as an English sentence, for logs. */
  reason: z.string(),
  verdict: RetrainVerdictSchema,
});

/**
 * Why the champion gate promoted or rejected a challenger, with the F1 and NDCG@5 figures it
 * compared on the challenger's test week. Stored with the gate decision (its task output, the
 * `gate.json` artifact and the alias move).
 */
export const GateVerdictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('below_rule'),
    challengerF1: z.number(),
    rule: z.string(),
    ruleF1: z.number(),
    margin: z.number(),
  }),
  z.object({
    kind: z.literal('below_champion'),
    challengerF1: z.number(),
    championVersion: z.number(),
    championF1: z.number(),
    margin: z.number(),
  }),
  z.object({
    kind: z.literal('worse_ranking'),
    challengerNdcgAt5: z.number(),
    championVersion: z.number(),
    championNdcgAt5: z.number(),
    tolerance: z.number(),
  }),
  z.object({
    kind: z.literal('beats_rule_no_champion'),
    challengerF1: z.number(),
    rule: z.string(),
    ruleF1: z.number(),
  }),
  z.object({
    kind: z.literal('beats_champion_and_rule'),
    challengerF1: z.number(),
    championVersion: z.number(),
    championF1: z.number(),
    rule: z.string(),
    ruleF1: z.number(),
  }),
]);
export type GateVerdict = z.infer<typeof GateVerdictSchema>;

/** The part of the `gate` task's output a reader needs to word it. */
export const GateDecisionSchema = z.object({
  passed: z.boolean(),
  reason: z.string(),
  verdict: GateVerdictSchema,
});
