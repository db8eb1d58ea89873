import path from 'node:path';
import { evalStore } from './chat-eval/eval-store.ts';
import { buildServer } from '../src/serve/build-server.ts';
const R = '/work/shared/data/sodai-2024';
const fx = await evalStore({
  customers: path.join(R, 'clientes.parquet'),
  products: path.join(R, 'productos.parquet'),
  transactions: path.join(R, 'transacciones.parquet'),
});
const app = await buildServer({
  config: fx.config,
  store: fx.store,
  tracking: fx.tracking,
  options: { logger: false, pollIntervalMs: 0, defaultMetrics: false, rateLimit: false },
});
await app.serving.initialLoad;
for (const q of [
  '¿qué clientes perdimos?',
  'What did customer 176403 buy last month?',
  'how many orders has customer 176403 placed?',
  'última compra del cliente 186174',
  '¿cuántos clientes hay?',
]) {
  const ts: string[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const r = await app.inject({
      method: 'POST',
      url: '/chat',
      payload: { message: q, session_id: `session-${i}-${q.length}` },
    });
    if (i === 0) console.log(r.statusCode, r.body.slice(0, 200));
    ts.push((performance.now() - t0).toFixed(0));
  }
  console.log(ts.join(' '), q);
}
await app.close();
await fx.close();
