import path from 'node:path';
import { defineDag, openSqliteRunStore, type RunRecord, type RunStore } from '@sodai/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

// "¿Cuántas corridas fallaron este mes?", "how many runs failed?" and "¿qué corrida falló?" got the
// last run alone (which had not failed). They now count the pipeline runs of the time named, by
// when they started on today's calendar (every recent run when none is named), and name the failed
// ones with their failed task's error. Checked against the run store.
const TODAY = new Date('2099-03-15T12:00:00Z');
let fx: ServeFixture;
let runs: RunStore;
let app: FastifyInstance;
let clock = TODAY.getTime();

/** One weekly run started at `at`, failing at `failure` (its task and error) when given. */
async function weeklyRun(id: string, at: string, failure?: { task: string; error: string }) {
  clock = new Date(at).getTime();
  const dag = defineDag({ id: 'weekly' });
  for (const t of ['ingest', 'train']) dag.task(t, {}, () => null);
  await runs.createRun({ id, dag: dag.toJSON(), trigger: 'schedule', params: {}, logicalDate: new Date(at) });
  await runs.startRun(id, 'test');
  for (const t of ['ingest', 'train']) {
    await runs.claimTask(id, t, 1);
    if (failure?.task === t) {
      await runs.failTask(id, t, 1, failure.error, false);
      break;
    }
    await runs.completeTask(id, t, 1, null);
  }
  await runs.finishRun(id, failure ? 'failed' : 'success', failure?.error ?? null);
}

beforeAll(async () => {
  fx = await serveFixture();
  runs = await openSqliteRunStore(path.join(fx.dir, 'chat-runs.db'), { now: () => clock });
  await weeklyRun('run-feb-1', '2099-02-08T03:00:00Z');
  await weeklyRun('run-feb-2', '2099-02-15T03:00:00Z', { task: 'ingest', error: 'file cannot be read' });
  await weeklyRun('run-mar-1', '2099-03-01T03:00:00Z');
  await weeklyRun('run-mar-2', '2099-03-08T03:00:00Z', { task: 'train', error: 'out of memory' });
  await weeklyRun('run-mar-3', '2099-03-15T03:00:00Z');
  const dag = defineDag({ id: 'weekly' });
  app = await quietServer(fx, { clock: () => TODAY, pipeline: { store: runs, dags: [dag.toJSON()] } });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await runs?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

/** The store's runs that started from `from` to `to` (days, UTC), and the failed ones. */
async function runsBetween(from = '0000-01-01', to = '9999-12-31') {
  const within = (await runs.listRuns({ limit: 300 })).filter((r: RunRecord) => {
    const day = (r.startedAt ?? r.createdAt).toISOString().slice(0, 10);
    return day >= from && day <= to;
  });
  return { runs: within.length, failed_runs: within.filter((r) => r.state === 'failed').map((r) => r.id) };
}

interface RunsData {
  readonly runs?: number;
  readonly failed_runs?: readonly string[];
  readonly run_id?: string;
}

describe('the runs of a time, and those that failed', () => {
  it.each([
    ['¿cuántas corridas fallaron este mes?', 'es', '2099-03-01', '2099-03-15'],
    ['how many runs failed?', 'en', undefined, undefined],
    ['¿qué corrida falló?', 'es', undefined, undefined],
    // Not tuned on.
    ['which runs failed last month', 'en', '2099-02-01', '2099-02-28'],
    ['cuantas veces corrio el pipeline este mes', 'es', '2099-03-01', '2099-03-15'],
    ['pipeline runs since March 5', 'en', '2099-03-05', '2099-03-15'],
    ['cuantas ejecuciones fallidas hubo el mes pasado', 'es', '2099-02-01', '2099-02-28'],
  ] as const)('"%s"', async (q, lang, from, to) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    const d = r.data as RunsData;
    expect({ q, runs: d.runs, failed: d.failed_runs }).toEqual({
      q,
      ...renamed(await runsBetween(from, to)),
    });
  });

  it('a failed run is named with its failed task’s error', async () => {
    const r = await ask('which run failed this month?');
    expect(r.answer).toMatch(
      /^This month .*, 1 of the 3 runs of the pipeline failed\. Failed: weekly run-mar-2 \(.*train: out of memory\)\./,
    );
    const es = await ask('cuantas corridas fallaron este mes');
    expect(es.answer).toMatch(
      /falló 1 de las 3 corridas del pipeline\. Fallidas: weekly run-mar-2 .*train: out of memory/,
    );
  });
});

const renamed = (x: { runs: number; failed_runs: string[] }) => ({ runs: x.runs, failed: x.failed_runs });

describe('guards: the last run keeps its answer', () => {
  it.each(['como salio la ultima corrida', 'did the last run fail?', 'last run status'])(
    '"%s"',
    async (q) => {
      const r = await ask(q);
      const d = r.data as RunsData;
      expect({ q, intent: r.intent, run: d.run_id, runs: d.runs }).toEqual({
        q,
        intent: 'pipeline_last_run',
        run: 'run-mar-3',
        runs: undefined,
      });
    },
  );
});
