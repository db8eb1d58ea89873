import { parentPort } from 'node:worker_threads';
import { XGBoostError } from './errors.ts';
import { check, native, readBytes, toCount, type Handle } from './native.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

// Runs inside a worker thread: XGBoost's calls block this thread, never the main event loop, and
// XGBGetLastError is read here, on the thread whose call failed (XGBoost keeps it per thread).

const port = parentPort;
if (port === null) throw new Error('worker-train.ts must run in a worker thread');

type Start = Extract<ToWorker, { type: 'start' }>;

let pendingReply: ((msg: ToWorker) => void) | null = null;

function send(msg: FromWorker): void {
  port?.postMessage(msg);
}

function nextReply(): Promise<ToWorker> {
  return new Promise((resolve) => {
    pendingReply = resolve;
  });
}

async function run(job: Start): Promise<void> {
  const api = native();
  const cache: Handle[] = [job.dtrain, ...job.evals.map((e) => e.handle)];
  const out: [bigint | null] = [null];
  check(api.XGBoosterCreate(cache, cache.length, out), 'Booster');
  const booster = out[0];
  if (booster === null) throw new XGBoostError('NATIVE', 'XGBoosterCreate returned no handle');
  try {
    for (const [name, value] of job.params)
      check(api.XGBoosterSetParam(booster, name, value), `parameter ${name}`);
    if (job.featureNames.length > 0) {
      const names = [...job.featureNames];
      check(api.XGBoosterSetStrFeatureInfo(booster, 'feature_name', names, names.length));
    }
    if (job.featureTypes.length > 0) {
      const types = [...job.featureTypes];
      check(api.XGBoosterSetStrFeatureInfo(booster, 'feature_type', types, types.length));
    }
    const evalHandles = job.evals.map((e) => e.handle);
    const evalNames = job.evals.map((e) => e.name);
    for (let i = 0; i < job.numBoostRound; i++) {
      check(api.XGBoosterUpdateOneIter(booster, i, job.dtrain), `iteration ${i}`);
      let evalText = '';
      if (evalHandles.length > 0) {
        const text: [string | null] = [null];
        check(api.XGBoosterEvalOneIter(booster, i, evalHandles, evalNames, evalHandles.length, text), 'eval');
        evalText = text[0] ?? '';
      }
      send({ type: 'iteration', iteration: i, evalText });
      const reply = await nextReply();
      if (reply.type === 'stop') break;
    }
    // Hand back a full snapshot (model + configuration) rather than the handle: XGBoost 1.x keeps
    // per-thread caches keyed by the booster's address, so a booster must be freed on the thread
    // that trained it, or a later booster allocated at the same address inherits a stale cache.
    const len: [number | bigint] = [0];
    const ptr: [bigint | null] = [null];
    check(api.XGBoosterSerializeToBuffer(booster, len, ptr), 'snapshot');
    const model = new Uint8Array(readBytes(ptr[0], toCount(len[0]))).buffer;
    port?.postMessage({ type: 'done', model } satisfies FromWorker, [model]);
  } finally {
    api.XGBoosterFree(booster);
  }
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'start') {
    run(msg).catch((err: unknown) => {
      const native = err instanceof XGBoostError && err.code === 'NATIVE';
      send({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        code: native ? 'NATIVE' : 'WORKER',
      });
    });
    return;
  }
  const resolve = pendingReply;
  pendingReply = null;
  resolve?.(msg);
});
