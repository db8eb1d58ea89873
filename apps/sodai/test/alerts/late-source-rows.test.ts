import { createReadStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { serviceGate } from '@sodai/testing';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/config-schema.ts';
import { dataPaths } from '../../src/config/load-config.ts';
import { loadInitialData } from '../../src/data/load-data.ts';
import { rawDataFiles } from '../../src/data/raw-data-files.ts';
import { splitWeeks } from '../../src/data/split-weeks.ts';
import { openAlertStore } from '../../src/monitor/alerts/alert-store.ts';
import { readFileSql } from '../../src/store/duckdb.ts';
import { RawStore } from '../../src/store/raw-store.ts';
import { generateSmall, tempDir, writeTable } from '../helpers.ts';
import { runWeeklyWithAlerts } from './run-weekly.ts';

// Rows a Postgres source receives dated at or before its watermark are never read by an increment:
// they were missing from the store with only a warning in the ingest task's log, no batch refused,
// nothing in the alert inbox.
const postgres = await serviceGate('postgres');

describe.runIf(postgres.available)('late rows in a Postgres source', { timeout: 300_000 }, () => {
  const schema = `late_${process.pid}_${Date.now().toString(36)}`;
  const table = `${schema}.sales`;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(
      `CREATE TABLE ${table} (customer_id BIGINT, product_id BIGINT, order_id BIGINT, purchase_date DATE, items DOUBLE PRECISION)`,
    );
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  /** Puts a week's file into the source table, as the distributor's ERP would. */
  async function arrive(file: string, dir: string): Promise<void> {
    const csv = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date::DATE AS purchase_date, items FROM ${readFileSql(file)}`,
      path.join(dir, `${path.basename(file)}.csv`),
    );
    await pipeline(
      createReadStream(csv),
      admin.query(copyFrom(`COPY ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`)),
    );
  }

  it('opens one alert while the source holds rows behind its watermark, and resolves once a batch moves past them', async () => {
    const dir = tempDir('sodai-late-rows-');
    // Trust auth ignores the password; it is there to prove the alert never repeats it.
    const url = new URL(postgres.url);
    url.password = 'hunter2-late';
    const config = ConfigSchema.parse({
      dataDir: path.join(dir, 'data'),
      source: { kind: 'postgres', url: url.toString(), table, watermarkColumn: 'purchase_date' },
      model: { nTrials: 1, trainWeeks: 3, validationWeeks: 1 },
    });
    const paths = dataPaths(config);
    await generateSmall(path.join(dir, 'generated'), {
      customers: 60,
      products: 30,
      weeks: 7,
      seed: 4,
      truth: false,
    });
    const history = path.join(dir, 'history');
    const weeks = await splitWeeks({
      input: path.join(dir, 'generated'),
      outDir: path.join(dir, 'weeks'),
      lastWeeks: 2,
      historyDir: history,
    });
    const store = await RawStore.openDir(paths.dataDir);
    try {
      await loadInitialData(store, rawDataFiles(history), {});
    } finally {
      await store.close();
    }
    const runWeekly = () => runWeeklyWithAlerts(config, paths, { params: { retrain: 'never' } });
    const lateAlerts = async () => {
      const alerts = await openAlertStore({ databaseUrl: undefined, dataDir: paths.dataDir });
      try {
        return (await alerts.list()).filter((a) => a.rule === 'late_source_rows');
      } finally {
        await alerts.close();
      }
    };

    await arrive(weeks[0]!.file, dir);
    await runWeekly();
    expect(await lateAlerts()).toEqual([]);

    // Two rows of an early day arrive after the watermark passed that day.
    await admin.query(
      `INSERT INTO ${table} SELECT customer_id, product_id, 99999999, purchase_date, items FROM ${table}
       ORDER BY purchase_date LIMIT 2`,
    );
    await runWeekly();
    await runWeekly();
    const open = await lateAlerts();
    expect(open.map((a) => a.state)).toEqual(['open']);
    expect(open[0]!.details).toMatchObject({ rows: 2 });
    expect(open[0]!.summary).toMatch(/2 row\(s\) dated at or before the watermark/);
    expect(JSON.stringify(open[0])).not.toContain('hunter2');

    // The next week moves the watermark past them: that run still says so, the one after resolves.
    await arrive(weeks[1]!.file, dir);
    await runWeekly();
    expect((await lateAlerts()).map((a) => a.state)).toEqual(['open']);
    await runWeekly();
    const resolved = await lateAlerts();
    expect(resolved.map((a) => a.state)).toEqual(['resolved']);
    expect(resolved[0]!.resolution).toMatch(/stay out of the store unless ingested by hand/);
  });
});
