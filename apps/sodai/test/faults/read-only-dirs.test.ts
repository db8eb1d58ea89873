/**
 * Read-only folders (issue 18): the object store folder or the landing folder turns read-only under
 * a running `sodai serve`, and under `sodai ingest`. A clear error names the folder, /ready says so,
 * /predict keeps answering, the server neither crashes nor exits (a restart would not make the
 * folder writable, so a supervisor would only restart it in a loop), and all recovers once the
 * folder is writable again. Read-only bind mounts, because root ignores permission bits: run as
 * root (skipped with a message otherwise). Run with `npm run test:faults`.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@sodai/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { PREDICTION_TABLE } from '../../src/features/prediction-dataset.ts';
import { queryRows } from '../../src/store/duckdb.ts';
import { generateSmall, tempDir } from '../helpers.ts';
import { buildServedStore } from '../served-store.ts';
import { splitWeeks } from '../../src/data/split-weeks.ts';
import { runCli } from './store-sigkill-helpers.ts';
import { startSodai, waitFor, watchResponses } from './serving-processes.ts';

const TOKEN = 'faults-read-only-admin-token-0123456789';

/** Whether this process may make read-only bind mounts (root with CAP_SYS_ADMIN). */
function canBindMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const probe = tempDir('sodai-bind-probe-');
  try {
    execFileSync('mount', ['--bind', probe, probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  }
}
const mountable = canBindMount();
if (!mountable) console.warn('faults: read-only folder tests skipped: read-only bind mounts need root');

const mounted = new Set<string>();
function readOnly(folder: string): void {
  mkdirSync(folder, { recursive: true });
  execFileSync('mount', ['--bind', folder, folder]);
  mounted.add(folder);
  execFileSync('mount', ['-o', 'remount,bind,ro', folder]);
}
function writable(folder: string): void {
  execFileSync('umount', [folder]);
  mounted.delete(folder);
}
afterAll(() => {
  for (const m of mounted) execFileSync('umount', ['-l', m]);
});

describe.runIf(mountable)('read-only folders', () => {
  it(
    'under sodai serve: uploads get a 503 naming the landing folder, /ready names each read-only folder, /predict answers, the server does not exit, and all recovers',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir('sodai-faults-ro-');
      const port = await freePort();
      // exitWhenBrokenS 15: a read-only folder must not count as broken, or the server would exit
      // while the folders are read-only below (long enough for the first model load on a busy machine).
      const seeded = await buildServedStore(dir, {
        server: { host: '127.0.0.1', port, adminToken: TOKEN, exitWhenBrokenS: 15 },
      });
      const [pair] = await queryRows(
        seeded.store.connection,
        `SELECT customer_id::DOUBLE AS customer_id, product_id::DOUBLE AS product_id FROM ${PREDICTION_TABLE} LIMIT 1`,
      );
      await seeded.close();
      const serving = await startSodai(['serve', '--rate-limit', '0'], dir, seeded.config, 'sodai serving');
      const base = `http://127.0.0.1:${port}`;
      const watch = watchResponses(base, [
        { method: 'GET', url: '/ready' },
        {
          method: 'POST',
          url: '/predict',
          body: { customer_id: pair!.customer_id, product_id: pair!.product_id },
        },
      ]);
      const upload = (name: string) =>
        fetch(`${base}/api/admin/landing/${name}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
          body: 'customer_id,product_id,order_date,items\n1,1,2024-05-20,1\n',
        });
      const notReadyNaming = (what: RegExp, since: number) =>
        waitFor(
          async () => watch.all('/ready').some((r) => r.at > since && r.status === 503 && what.test(r.body)),
          15_000,
          () =>
            `/ready naming ${what.source}: ${JSON.stringify(watch.latest('/ready'))}\n${serving.output()}`,
        );
      let servingSince = Infinity;
      try {
        await waitFor(
          async () => watch.latest('/ready')?.status === 200,
          60_000,
          () => serving.output(),
        );
        servingSince = Date.now();
        const landing = path.join(dir, 'landing');
        const objects = path.join(dir, 'objects');

        readOnly(landing);
        const landingAt = Date.now();
        const refused = await upload('week-21.csv');
        const body = (await refused.json()) as { code: string; message: string };
        expect(refused.status).toBe(503);
        expect(body.code).toBe('STORAGE_UNAVAILABLE');
        expect(body.message).toMatch(/landing folder landing .*EROFS/);
        expect(body.message).not.toContain(dir); // answers never carry server paths
        await notReadyNaming(/landing folder landing is not writable \(EROFS\)/, landingAt);

        readOnly(objects);
        const objectsAt = Date.now();
        await notReadyNaming(/object store objects is not writable \(EROFS\)/, objectsAt);
        // Longer than exitWhenBrokenS plus the watchdog's 5 s period: it would have exited by now.
        await new Promise((r) => setTimeout(r, 22_000));
        expect(serving.exitCode(), serving.output()).toBeNull();

        writable(objects);
        writable(landing);
        const backAt = Date.now();
        await waitFor(
          async () => watch.all('/ready').some((r) => r.at > backAt && r.status === 200),
          15_000,
          () => `/ready back to 200: ${JSON.stringify(watch.latest('/ready'))}`,
        );
        expect((await upload('week-21.csv')).status).toBe(201);
      } finally {
        await watch.stop();
        await serving.stop();
      }
      // Once the model has loaded, every /predict is answered, read-only folders or not.
      const predicts = watch.all('/predict').filter((r) => r.at > servingSince);
      expect(predicts.length).toBeGreaterThan(20);
      expect(predicts.filter((r) => r.status !== 200).map((r) => `${r.status} ${r.body}`)).toEqual([]);
      expect(watch.all().filter((r) => r.status >= 500 && r.status !== 503)).toEqual([]);
      expect(watch.errors()).toEqual([]);
    },
  );

  it(
    'under sodai ingest: a read-only object store fails the batch with a message naming the folder, lands nothing, and the rerun lands it',
    { timeout: 300_000 },
    async () => {
      const root = tempDir('sodai-faults-ro-ingest-');
      const generated = path.join(root, 'generated');
      await generateSmall(generated, { weeks: 10 });
      const history = path.join(root, 'history');
      const [week] = await splitWeeks({
        input: generated,
        outDir: path.join(root, 'batches'),
        lastWeeks: 1,
        historyDir: history,
      });
      const dataDir = path.join(root, 'data');
      const load = await runCli(dataDir, [
        'data',
        'load',
        '--customers',
        path.join(history, 'clientes.parquet'),
        '--products',
        path.join(history, 'productos.parquet'),
        '--transactions',
        path.join(history, 'transacciones.parquet'),
      ]);
      expect(load.code, load.output).toBe(0);
      const landing = path.join(dataDir, 'landing');
      mkdirSync(landing, { recursive: true });
      cpSync(week!.file, path.join(landing, path.basename(week!.file)));

      const objects = path.join(dataDir, 'objects');
      readOnly(objects);
      let failed;
      try {
        failed = await runCli(dataDir, ['ingest']);
      } finally {
        writable(objects);
      }
      expect(failed.code, failed.output).not.toBe(0);
      expect(failed.output).toContain(objects);
      expect(failed.output).toMatch(/read-only|EROFS/);
      expect(failed.output).not.toMatch(/\n\s+at /);

      const rerun = await runCli(dataDir, ['ingest']);
      expect(rerun.code, rerun.output).toBe(0);
      expect(rerun.output).toMatch(/ingested/);
    },
  );
});
