// `npm run bench:chat`: intent, entity and answer accuracy and latency of the chat assistant over the
// evaluation set (bench/chat-eval/eval-set.ts) and, separately, the two held-out sets (held-out-set.ts,
// held-out-2.ts: never used to tune the parser until its before figure was taken; held-out-3.ts and
// held-out-4.ts, written later, then held-out-5.ts, then held-out-6.ts (tuned on) and held-out-7.ts (never
// tuned on): see each file for what was tuned on it), on a generated
// store (the serve test fixture: 120 customers, 60 products, 20 weeks, a small champion) and, when
// present, the real 2024 data with a quickly trained model. Targets without the LLM: intent ≥ 95 %,
// entities ≥ 95 %, answers ≥ 90 %, p95 < 100 ms (end to end through POST /chat).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { queryNumber, queryRows } from '../src/store/duckdb.ts';
import { buildServer } from '../src/serve/build-server.ts';
import { evalStore } from './chat-eval/eval-store.ts';
import type { ServedStoreData } from '../test/served-store.ts';
import { REAL_DIR } from './child.ts';
import type { EvalCase } from './chat-eval/eval-case.ts';
import { BENCH_SETS } from './chat-eval/eval-sets.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

interface Score {
  n: number;
  intent: number;
  entities: number;
  answers: number;
  checked: number;
  latencies: number[];
  /** The slowest questions, for SODAI_BENCH_VERBOSE. */
  timed: { q: string; ms: number }[];
  misses: string[];
}

async function placeholders(c: DuckDBConnection): Promise<Record<string, string>> {
  const top = await queryRows(
    c,
    `SELECT customer_id::DOUBLE AS id FROM prediction_dataset WHERE from_history GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`,
  );
  const [p] = await queryRows(
    c,
    `SELECT t.product_id::DOUBLE AS id, any_value(p.brand) AS brand FROM transactions t JOIN products p USING (product_id)
     GROUP BY 1 ORDER BY sum(items) DESC, 1 LIMIT 1`,
  );
  return { c: String(top[0]!.id), c2: String(top[1]!.id), p: String(p!.id), b: String(p!.brand) };
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(c2|c|p|b)\}/g, (_m, k: string) => v[k]!);

async function run(
  app: FastifyInstance,
  c: DuckDBConnection,
  cases: readonly EvalCase[],
  v: Record<string, string>,
  set: string,
): Promise<Score> {
  const score: Score = {
    n: 0,
    intent: 0,
    entities: 0,
    answers: 0,
    checked: 0,
    latencies: [],
    timed: [],
    misses: [],
  };
  let session = 0;
  for (const k of cases) {
    // One session per question and set: numbering alone would hand a held-out question the last
    // turn of the evaluation question with the same index as its "previous" turn.
    const sid = `bench-${set}-${String(session++).padStart(4, '0')}`;
    for (const before of k.after ?? []) {
      await app.inject({
        method: 'POST',
        url: '/chat',
        payload: { message: fill(before, v), session_id: sid },
      });
    }
    const q = fill(k.q, v);
    const t0 = performance.now();
    const res = (
      await app.inject({ method: 'POST', url: '/chat', payload: { message: q, session_id: sid } })
    ).json();
    const ms = performance.now() - t0;
    score.latencies.push(ms);
    score.timed.push({ q, ms });
    score.n++;
    const intentOk = res.intent === k.intent;
    if (intentOk) score.intent++;
    const entitiesOk = Object.entries(k.entities ?? {}).every(([key, want]) => {
      const got = res.entities?.[key];
      if (key === 'period') return got?.label === want;
      const w = typeof want === 'string' ? fill(want, v) : want;
      return String(got) === String(w);
    });
    if (entitiesOk) score.entities++;
    let answerOk = intentOk;
    if (k.check) {
      score.checked++;
      if ('number' in k.check) {
        const n = await queryNumber(c, fill(k.check.number, v));
        const lang = res.lang === 'en' ? 'en-US' : 'es-ES';
        answerOk &&= String(res.answer).includes(new Intl.NumberFormat(lang).format(n));
      } else if ('phrase' in k.check) answerOk &&= new RegExp(k.check.phrase).test(String(res.answer));
      else answerOk &&= res.answered === k.check.answered;
    }
    if (answerOk) score.answers++;
    if (!intentOk || !entitiesOk || !answerOk) {
      score.misses.push(
        `${q} → ${res.intent} ${JSON.stringify(res.entities)}${answerOk ? '' : ` | ${String(res.answer).slice(0, 90)}`}`,
      );
    }
  }
  return score;
}

function report(name: string, s: Score): void {
  const pct = (x: number) => `${((100 * x) / s.n).toFixed(1)} %`;
  const sorted = [...s.latencies].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)]!.toFixed(1);
  console.log(
    `${name}: ${s.n} questions | intent ${pct(s.intent)} | entities ${pct(s.entities)} | answers ${pct(s.answers)} | latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`,
  );
  if (process.env.SODAI_BENCH_VERBOSE) {
    for (const m of s.misses) console.log(`  miss: ${m}`);
    const slowest = [...s.timed].sort((a, b) => b.ms - a.ms).slice(0, 8);
    for (const t of slowest) console.log(`  slow: ${t.ms.toFixed(1)} ms  ${t.q}`);
  } else if (s.misses.length) console.log(`  ${s.misses.length} misses (SODAI_BENCH_VERBOSE=1 lists them)`);
}

/** How many questions of a set are Spanish, by a rough word test (the issue asks for ≥ 60 %). */
function spanishShare(cases: readonly EvalCase[]): string {
  const es = cases.filter((k) =>
    /[¿¡áéíóúñ]|\b(que|qué|q|cliente|clientes|cuantos|cuántos|cuantas|productos|el|la|los|las|de|del|y|pal|pa)\b/i.test(
      k.q,
    ),
  ).length;
  return `(${String(es)}/${String(cases.length)} es)`;
}

async function evaluate(label: string, data?: ServedStoreData): Promise<void> {
  const fx = await evalStore(data);
  const app = await buildServer({
    config: fx.config,
    store: fx.store,
    tracking: fx.tracking,
    options: { logger: false, pollIntervalMs: 0, defaultMetrics: false, rateLimit: false },
  });
  await app.serving.initialLoad;
  try {
    const v = await placeholders(fx.store.connection);
    console.log(`\n${label}`);
    for (const set of BENCH_SETS) {
      report(
        `${set.label.padEnd(14)} ${spanishShare(set.cases)}`,
        await run(app, fx.store.connection, set.cases, v, set.key),
      );
    }
  } finally {
    await app.close();
    await fx.close();
  }
}

await evaluate('generated data (120 customers, 60 products, 20 weeks)');
if (existsSync(path.join(REAL_DIR, 'transacciones.parquet'))) {
  await evaluate(`real data (${REAL_DIR})`, {
    customers: path.join(REAL_DIR, 'clientes.parquet'),
    products: path.join(REAL_DIR, 'productos.parquet'),
    transactions: path.join(REAL_DIR, 'transacciones.parquet'),
  });
} else {
  console.log(`\nreal data not found at ${REAL_DIR}: evaluated on generated data only`);
}
