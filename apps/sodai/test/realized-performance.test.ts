import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { addDays } from '../src/features/cutoff-plan.ts';
import { prepareReplayPeriod, replay, type ReplayResult } from '../src/flows/replay.ts';
import { scoreRealizedWeeks } from '../src/jobs/score-realized.ts';
import { readFileSql, sqlString } from '../src/store/duckdb.ts';
import type { RawStore } from '../src/store/raw-store.ts';
import { commitRows, generateSmall, tempDir } from './helpers.ts';
import { serveReplayState, type ReplayStateServer } from './replay-state-server.ts';

const root = tempDir('sodai-realized-');
const SETTINGS = ConfigSchema.parse({
  model: { nTrials: 1, trainWeeks: 8, validationWeeks: 2 },
}).model;
const BATCHES = 3;

interface RealizedBody {
  weeks: {
    week: string;
    days_observed: number;
    served: { version: number; scorer: string; metrics: Record<string, number> }[];
    best_rule: { scorer: string; metrics: Record<string, number> } | null;
    rules: { scorer: string; metrics: Record<string, number> }[];
    estimated: { version: number; metrics: Record<string, number> }[];
  }[];
  waiting: { week: string; days_observed: number; estimated: { version: number }[] }[];
  estimation_error: { weeks: number; f1_mean_abs_error: number; f1_mean_bias: number };
}

let result: ReplayResult;
let served: ReplayStateServer | undefined;
let store: RawStore;
let app: FastifyInstance;
let truthFile: string;

// One replay of generated data, as production runs it: the weekly DAG once per landed batch, its
// `score_realized` task scoring the week each new batch completed. Half a year of 300 customers and
// 8 training weeks: on a smaller year the first challenger can lose to k_of_n, and then only rules
// predict (the generator's draws were made independent week to week, which made the rules harder).
beforeAll(async () => {
  const data = path.join(root, 'generated');
  await generateSmall(data, { customers: 300, products: 120, weeks: 26, truth: false });
  const inputs = await prepareReplayPeriod({
    dataDir: data,
    from: addDays('2024-01-01', 7 * (26 - BATCHES)),
    weeks: BATCHES,
    batchDays: 7,
    workDir: path.join(root, 'input'),
  });
  truthFile = inputs.truthFile!;
  const out = path.join(root, 'out');
  result = await replay({ ...inputs, outDir: out, truth: true, settings: SETTINGS });
  served = await serveReplayState(out, SETTINGS);
  ({ store, app } = served);
}, 600_000);

afterAll(async () => {
  await served?.close();
});

const realized = async (query = ''): Promise<RealizedBody> => {
  const res = await app.inject({ method: 'GET', url: `/api/monitor/realized${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RealizedBody>();
};

describe('realized performance over a replay', () => {
  it('the API returns the F1, precision and recall replay --truth computed, for every week a later batch completed', async () => {
    const body = await realized();
    // The last prediction's week never landed: every earlier one did.
    expect(body.weeks).toHaveLength(BATCHES - 1);
    expect(body.weeks.map((w) => w.week)).toEqual(result.weeks.slice(0, -1).map((w) => w.cutoff));
    for (const [i, week] of body.weeks.entries()) {
      const replayed = result.weeks[i]!;
      expect(week.days_observed).toBe(7);
      const served = week.served.find((s) => s.version === replayed.modelVersion);
      expect(served, `week ${week.week}`).toBeDefined();
      expect(served!.scorer).toBe(replayed.modelVersion > 0 ? 'model' : 'fallback');
      expect(served!.metrics.f1).toBeCloseTo(replayed.model!.f1, 10);
      expect(served!.metrics.precision).toBeCloseTo(replayed.model!.precision, 10);
      expect(served!.metrics.recall).toBeCloseTo(replayed.model!.recall, 10);
      expect(served!.metrics.hits).toBe(replayed.model!.tp);
    }
  });

  it('the chat answers how the model did with the realized weeks the API serves, not "not measured yet"', async () => {
    const { weeks } = await realized();
    const last = weeks.at(-1)!;
    const model = last.served.find((s) => s.scorer === 'model');
    expect(model, 'a model version predicted the last scored week').toBeDefined();
    const res = await app.inject({
      method: 'POST',
      url: '/chat',
      payload: { message: 'how did the model do on real purchases?', lang: 'en' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = res.json<{ answer: string }>().answer;
    expect(text).not.toMatch(/not measured yet/i);
    expect(text).toContain(`model v${model!.version}`);
    expect(text).toContain(`F1 = ${model!.metrics.f1!.toFixed(3)}`);
  });

  it('replay --truth scores the rules realized monitoring scores, fitted before each week whether or not it retrained', async () => {
    const { weeks } = await realized();
    for (const [i, week] of weeks.entries()) {
      const rules = Object.entries(result.weeks[i]!.baselines!);
      expect(rules.length, week.week).toBeGreaterThan(1);
      for (const [name, f1] of rules) {
        const rule = week.rules.find((r) => r.scorer === `rule:${name}`);
        expect(rule?.metrics.f1, `${week.week} ${name}`).toBeCloseTo(f1.f1, 10);
      }
    }
    // The fixture's point: a week predicted by an older version, with no challenger trained for it.
    expect(result.weeks.slice(0, -1).some((w) => !w.retrained)).toBe(true);
  });

  it('scores every rule fitted before the week and marks the one the plan would have used', async () => {
    const { weeks } = await realized();
    for (const week of weeks) {
      expect(week.rules.length).toBeGreaterThan(1);
      expect(week.best_rule).not.toBeNull();
      expect(week.rules.filter((r) => r.metrics.chosen === 1)).toHaveLength(1);
      for (const metric of [
        'f1',
        'pr_auc',
        'p_at_5',
        'r_at_5',
        'ndcg_at_5',
        'ndcg_at_10',
        'customer_coverage',
      ]) {
        expect(week.best_rule!.metrics[metric], metric).toBeGreaterThanOrEqual(0);
        expect(week.best_rule!.metrics[metric], metric).toBeLessThanOrEqual(1);
      }
      // Every scorer sees the same purchases: the candidate share is the week's, not the scorer's.
      const shares = new Set([...week.served, ...week.rules].map((s) => s.metrics.candidate_share));
      expect(shares.size).toBe(1);
    }
  });

  it('filters by version and by first week, and names a malformed query parameter with a 400', async () => {
    const all = await realized();
    const second = all.weeks[1]!.week;
    expect((await realized(`?from=${second}`)).weeks.map((w) => w.week)).toEqual(
      all.weeks.slice(1).map((w) => w.week),
    );
    const version = all.weeks[0]!.served[0]!.version;
    const byVersion = await realized(`?version=${version}`);
    expect(byVersion.weeks.every((w) => w.served.some((s) => s.version === version))).toBe(true);
    const bad = await app.inject({ method: 'GET', url: '/api/monitor/realized?from=last-week' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('from');
  });

  it('keeps what each model version expected of its week beside the realized value, with the error', async () => {
    const body = await realized();
    const byModel = body.weeks.filter((w) => w.served.some((s) => s.version > 0));
    // The replay's first training passes the gate on this data, so models predict from then on.
    expect(byModel.length).toBeGreaterThan(0);
    let gaps = 0;
    for (const week of byModel) {
      const served = week.served.find((s) => s.version > 0)!;
      const estimate = week.estimated.find((e) => e.version === served.version);
      expect(estimate, week.week).toBeDefined();
      expect(estimate!.metrics.f1).toBeGreaterThan(0);
      expect(estimate!.metrics.f1).toBeLessThan(1);
      gaps += Math.abs(estimate!.metrics.f1! - served.metrics.f1!);
    }
    // Rules have no probabilities: only model versions estimate.
    expect(body.weeks.flatMap((w) => w.estimated).every((e) => e.version > 0)).toBe(true);
    expect(body.estimation_error.weeks).toBe(byModel.length);
    expect(body.estimation_error.f1_mean_abs_error).toBeCloseTo(gaps / byModel.length, 12);
  });

  it('a week the data covers only partly waits, and is scored once the rest lands', async () => {
    const last = result.weeks.at(-1)!.cutoff;
    const inWeek = (from: number, to: number) =>
      `SELECT * FROM ${readFileSql(truthFile)} WHERE CAST(purchase_date AS DATE) >= DATE ${sqlString(addDays(last, from))}
         AND CAST(purchase_date AS DATE) < DATE ${sqlString(addDays(last, to))}`;
    await commitRows(store, 'transactions', inWeek(0, 3));
    expect(await scoreRealizedWeeks(store, SETTINGS)).toEqual([]);
    const waiting = (await realized()).waiting;
    expect(waiting.map((w) => [w.week, w.days_observed])).toEqual([[last, 3]]);
    // Its estimate is there before its labels: the model predicted it.
    expect(waiting[0]!.estimated.map((e) => e.version)).toEqual([result.weeks.at(-1)!.modelVersion]);

    await commitRows(store, 'transactions', inWeek(3, 7));
    const scored = await scoreRealizedWeeks(store, SETTINGS);
    expect(scored.map((w) => w.week)).toEqual([last]);
    const body = await realized();
    expect(body.waiting).toEqual([]);
    expect(body.weeks.at(-1)!.week).toBe(last);
    // A second pass finds nothing new: each week is scored once.
    expect(await scoreRealizedWeeks(store, SETTINGS)).toEqual([]);
  });
});
