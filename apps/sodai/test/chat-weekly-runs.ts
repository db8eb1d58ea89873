import path from 'node:path';
import { defineDag, openSqliteRunStore, type RunStore } from '@sodai/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

/** The weekly DAG's tasks, in the order a run goes through them. */
export const WEEKLY_TASKS = [
  'ingest',
  'validate',
  'should_retrain',
  'train',
  'gate',
  'promote',
  'keep_champion',
  'skip_training',
  'predict',
] as const;
export type WeeklyTask = (typeof WEEKLY_TASKS)[number];

/** What a task did in a run: its decision's log line and its output; tasks left out were skipped. */
export type TasksRan = Partial<Record<WeeklyTask, { readonly log?: string; readonly output?: unknown }>>;

/** A chat server whose pipeline is a run store the test fills with weekly runs. */
export interface WeeklyRunsServer {
  readonly fx: ServeFixture;
  readonly app: FastifyInstance;
  /** Records one finished weekly run, newer than the ones before it. */
  weeklyRun(id: string, ran: TasksRan): Promise<void>;
  ask(message: string): Promise<ChatResponse>;
}

/**
 * Starts a {@link WeeklyRunsServer} before the file's tests (its runs added by the file's own
 * `beforeAll`) and closes it after them.
 */
export function useWeeklyRunsServer(): () => WeeklyRunsServer {
  let fx: ServeFixture | undefined;
  let runs: RunStore | undefined;
  let server: WeeklyRunsServer | undefined;
  const dag = defineDag({ id: 'weekly' });
  for (const t of WEEKLY_TASKS) dag.task(t, {}, () => null);
  beforeAll(async () => {
    fx = await serveFixture();
    const store = await openSqliteRunStore(path.join(fx.dir, 'chat-weekly-runs.db'));
    runs = store;
    const app = await quietServer(fx, { pipeline: { store, dags: [dag.toJSON()] } });
    server = {
      fx,
      app,
      async weeklyRun(id, ran) {
        await store.createRun({
          id,
          dag: dag.toJSON(),
          trigger: 'manual',
          params: {},
          logicalDate: new Date(),
        });
        await store.startRun(id, 'test');
        for (const t of WEEKLY_TASKS) {
          const done = ran[t];
          if (!done) {
            await store.skipTask(id, t, 'skipped');
            continue;
          }
          await store.claimTask(id, t, 1);
          await store.appendLog(id, t, 1, 'info', 'ran on 1@test');
          if (done.log) await store.appendLog(id, t, 1, 'info', done.log);
          await store.completeTask(id, t, 1, done.output ?? null);
        }
        await store.finishRun(id, 'success');
        // Runs are listed newest first by creation time: the next one must come a moment later.
        await new Promise((resolve) => setTimeout(resolve, 5));
      },
      ask: async (message) =>
        (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>(),
    };
  }, 120_000);
  afterAll(async () => {
    await server?.app.close();
    await runs?.close();
    await fx?.close();
  });
  return () => {
    if (!server) throw new Error('useWeeklyRunsServer: the server is not up yet (its beforeAll has not run)');
    return server;
  };
}
