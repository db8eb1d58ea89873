import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { queryNumber, queryRows, sqlString } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir, writeTable } from './helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');

async function sodai(cwd: string, dataDir: string, args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, SODAI_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('two processes ingesting overlapping batches at once', () => {
  it('lands exactly one; the other is rejected as overlap and the store stays consistent', async () => {
    const dir = tempDir();
    const generated = path.join(dir, 'generated');
    const history = path.join(dir, 'history');
    await generateSmall(generated, { weeks: 10 });
    const [batch] = await splitWeeks({
      input: generated,
      outDir: path.join(dir, 'landing'),
      lastWeeks: 1,
      historyDir: history,
    });
    const dataDir = path.join(dir, 'data');
    const store = await RawStore.openDir(dataDir);
    await loadInitialData(
      store,
      {
        customers: path.join(history, 'clientes.parquet'),
        products: path.join(history, 'productos.parquet'),
        transactions: path.join(history, 'transacciones.parquet'),
      },
      {},
    );
    const before = await queryNumber(store.connection, 'SELECT count(*) FROM transactions');
    await store.close();
    // The same week twice with other bytes (one row dropped): exactly-once cannot tell them apart,
    // only the date-overlap check inside the catalog commit can.
    const other = await writeTable(
      `SELECT * FROM read_parquet(${sqlString(batch!.file)}) ORDER BY ALL OFFSET 1`,
      path.join(dir, 'same-week-again.parquet'),
    );

    const results = await Promise.all(
      [batch!.file, other].map((file) => sodai(dir, dataDir, ['ingest', file, '--as-of', '2030-01-01'])),
    );
    expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = results.find((r) => r.code === 1)!;
    expect(loser.stdout).toMatch(/overlap/);

    const after = await RawStore.openDir(dataDir);
    try {
      const landed = (await after.shared.catalog.listIngestions()).filter((i) => i.status === 'landed');
      expect(landed).toHaveLength(4); // customers, products, history, and one of the two weeks
      const batches = await queryRows(
        after.connection,
        'SELECT batch_id, count(*) AS n FROM transactions GROUP BY 1 ORDER BY 1',
      );
      expect(batches).toHaveLength(2);
      const added = (await queryNumber(after.connection, 'SELECT count(*) FROM transactions')) - before;
      const log = await after.ingestions(10);
      const [winner] = log.filter((i) => i.outcome === 'ingested');
      expect([batch!.file, other]).toContain(winner!.file);
      expect(added).toBe(winner!.rowsAccepted);
      expect(log.filter((i) => i.outcome === 'rejected')).toHaveLength(1);
    } finally {
      await after.close();
    }
  });
});
