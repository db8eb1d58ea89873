import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb, queryNumber, queryRows, sqlString } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { exportedColumns } from '../src/jobs/export-python.ts';
import { buildServedStore } from './served-store.ts';
import { tempDir } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
// Debian's interpreter: python3-xgboost and python3-pandas are its packages (a pyenv python may lack them).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const run = promisify(execFile);

describe('Python hand-off: sodai export model vN --format python', () => {
  let dataDir = '';
  let out = '';
  let champion = 0;
  let env: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    dataDir = tempDir('sodai-python-');
    const served = await buildServedStore(dataDir);
    champion = served.versions[0];
    await served.close();
    const configFile = path.join(dataDir, 'sodai.config.json');
    writeFileSync(configFile, JSON.stringify({ dataDir, model: served.config.model, logLevel: 'silent' }));
    env = { ...process.env, SODAI_CONFIG: configFile, SODAI_DATA_DIR: dataDir };
    // What the distributor runs: scores (and stores) every candidate pair of the coming week.
    await run(process.execPath, [BIN, 'predict'], { env });
    out = path.join(dataDir, 'export');
    await run(process.execPath, [BIN, 'export', 'model', `v${champion}`, '--format', 'python', out], { env });
  }, 600_000);

  it('writes the model, its signature, the feature SQL, the rows as Parquet and CSV, and score.py', () => {
    for (const file of [
      'model.ubj',
      'signature.json',
      'features.sql',
      'features.parquet',
      'features.csv',
      'score.py',
    ]) {
      expect(existsSync(path.join(out, file)), file).toBe(true);
    }
    const signature = JSON.parse(readFileSync(path.join(out, 'signature.json'), 'utf8')) as {
      version: number;
      features: { name: string }[];
    };
    expect(signature.version).toBe(champion);
    expect(['cutoff', 'customer_id', 'product_id', ...signature.features.map((f) => f.name)]).toEqual(
      exportedColumns(),
    );
  });

  it('score.py under Debian python3-xgboost gives the probabilities `sodai predict` stored, to 1e-6', async () => {
    const scoresFile = path.join(out, 'scores.csv');
    await run(PYTHON, [path.join(out, 'score.py'), path.join(out, 'features.csv'), scoresFile]);
    const store = await RawStore.openDir(dataDir);
    try {
      const c = store.connection;
      const cutoff = String(
        (JSON.parse(readFileSync(path.join(out, 'signature.json'), 'utf8')) as { cutoff: string }).cutoff,
      );
      await c.run(`CREATE TEMP TABLE py AS SELECT * FROM read_csv(${sqlString(scoresFile)}, header = true)`);
      const predicted = `SELECT customer_id, product_id, score FROM predictions
        WHERE cutoff = DATE ${sqlString(cutoff)} AND model_version = ${champion}`;
      const stored = await queryNumber(c, `SELECT count(*) FROM (${predicted})`);
      expect(stored).toBeGreaterThan(100);
      expect(await queryNumber(c, 'SELECT count(*) FROM py')).toBe(stored);
      const [cmp] = await queryRows(
        c,
        `SELECT count(*) AS matched, max(abs(p.score - py.probability)) AS worst
         FROM (${predicted}) p JOIN py USING (customer_id, product_id)`,
      );
      expect(Number(cmp!.matched)).toBe(stored);
      expect(Number(cmp!.worst)).toBeLessThanOrEqual(1e-6);
    } finally {
      await store.close();
    }
  });

  it('features.sql, run by a fresh DuckDB over the raw files, rebuilds exactly the exported rows', async () => {
    const db = await openDuckDb(':memory:');
    try {
      const statements = await db.connection.extractStatements(
        readFileSync(path.join(out, 'features.sql'), 'utf8'),
      );
      let last: Record<string, unknown>[] = [];
      for (let i = 0; i < statements.count; i++) {
        const prepared = await statements.prepare(i);
        last = (await prepared.runAndReadAll()).getRowObjectsJson() as Record<string, unknown>[];
      }
      expect(last.length).toBeGreaterThan(100);
      const exported = `read_parquet(${sqlString(path.join(out, 'features.parquet'))})`;
      const onlyIn = async (a: string, b: string) =>
        queryNumber(db.connection, `SELECT count(*) FROM (SELECT * FROM ${a} EXCEPT ALL SELECT * FROM ${b})`);
      const rebuilt = `(SELECT ${exportedColumns()
        .map((c) => `"${c}"`)
        .join(', ')} FROM features)`;
      expect(await queryNumber(db.connection, `SELECT count(*) FROM ${exported}`)).toBe(last.length);
      expect(await onlyIn(rebuilt, exported)).toBe(0);
      expect(await onlyIn(exported, rebuilt)).toBe(0);
    } finally {
      db.close();
    }
  });

  it('names the missing version instead of failing obscurely', { timeout: 240_000 }, async () => {
    const failed = await run(
      process.execPath,
      [BIN, 'export', 'model', 'v99', '--format', 'python', path.join(dataDir, 'x')],
      {
        env,
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: expect.any(Number) });
    expect((failed as { stderr: string }).stderr).toContain('model version 99');
  });
});
