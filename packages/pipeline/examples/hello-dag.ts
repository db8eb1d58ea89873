// Run: npx tsx packages/pipeline/examples/hello-dag.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createOrchestrator, defineDag, openSqliteRunStore, UnrecoverableTaskError } from '../src/index.ts';

const dag = defineDag({
  id: 'hello',
  schedule: '@weekly',
  params: z.object({ threshold: z.number().default(0.1) }),
});
const ingest = dag.task('ingest', { retries: 2, retryDelayMs: 50, timeoutMs: 5000 }, async (ctx) => {
  ctx.log.info(`ingesting for ${ctx.logicalDate.toISOString()}`);
  return { rows: 1000, drift: 0.3 };
});
const decide = dag.branch('should_retrain', { upstream: [ingest] }, (ctx) =>
  ctx.input(ingest).drift > ctx.params.threshold ? ['train'] : ['keep_champion'],
);
dag.task('train', { upstream: [decide] }, (ctx) => {
  if (ctx.input(ingest).rows === 0) throw new UnrecoverableTaskError('nothing to train on');
  return { model: 'v2' };
});
dag.task('keep_champion', { upstream: [decide] }, () => ({ model: 'v1' }));
dag.task(
  'predict',
  { upstream: ['train', 'keep_champion'], triggerRule: 'none_failed_min_one_success' },
  (ctx) => {
    const model = ctx.maybeInput<{ model: string }>('train') ?? ctx.input<{ model: string }>('keep_champion');
    return `predicted with ${model.model}`;
  },
);

const dir = mkdtempSync(join(tmpdir(), 'sodai-hello-'));
const store = await openSqliteRunStore(join(dir, 'pipeline.db'));
const orchestrator = createOrchestrator({ store, dags: [dag] });
await orchestrator.recover();
const run = await orchestrator.waitForRun(
  await orchestrator.trigger('hello', { params: { threshold: 0.2 } }),
);
console.log(run.state, (await store.taskInstances(run.id)).map((t) => `${t.taskId}=${t.state}`).join(' '));
console.log((await store.taskLogs(run.id, 'ingest')).map((l) => l.message));
await orchestrator.close();
await store.close();
rmSync(dir, { recursive: true, force: true });
