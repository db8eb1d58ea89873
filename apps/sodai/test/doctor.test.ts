import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { serviceGate } from '@sodai/testing';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import {
  checkBatchSource,
  checkDisk,
  checkPostgres,
  checkRedis,
  type DoctorCheck,
} from '../src/cli/doctor.ts';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { closedPort, tempDir } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const run = promisify(execFile);
const postgres = await serviceGate('postgres');
const redis = await serviceGate('redis');

async function doctor(args: string[], env: Record<string, string>) {
  const dir = tempDir();
  try {
    const { stdout } = await run(process.execPath, [BIN, 'doctor', ...args], {
      env: { ...process.env, SODAI_DATA_DIR: dir, ...env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('sodai doctor', () => {
  it(
    'fails, critically and with the project-local fetch as the fix, when libxgboost cannot load',
    { timeout: 240_000 },
    async () => {
      const missing = path.join(tempDir(), 'no-libxgboost.so');
      const full = await doctor(['--json'], { XGBOOST_LIBRARY_PATH: missing });
      expect(full.code).toBe(1);
      const report = JSON.parse(full.stdout) as { ok: boolean; checks: DoctorCheck[] };
      expect(report.ok).toBe(false);
      const lib = report.checks.find((c) => c.name === 'libxgboost');
      expect(lib).toMatchObject({ status: 'fail', critical: true });
      expect(lib?.fix).toMatch(/fetch-libxgboost|apt-get install libxgboost0/);
      expect(report.checks.find((c) => c.name === 'duckdb')?.status).toBe('ok');

      // `npm start` runs the startup form: it stops the demo only for this kind of failure.
      const startup = await doctor(['--startup'], { XGBOOST_LIBRARY_PATH: missing });
      expect(startup.code).toBe(1);
      expect(startup.stdout).toContain('FAIL libxgboost');
    },
  );

  it(
    'reports an unreachable configured Redis with its address, but --startup still lets the demo start',
    { timeout: 240_000 },
    async () => {
      const url = `redis://127.0.0.1:${await closedPort()}`;
      const full = await doctor(['--json'], { REDIS_URL: url });
      const report = JSON.parse(full.stdout) as { checks: DoctorCheck[] };
      const check = report.checks.find((c) => c.name === 'redis');
      expect(check?.status).toBe('fail');
      expect(check?.detail).toContain(new URL(url).host);
      expect(full.code).toBe(1);
      expect((await doctor(['--startup'], { REDIS_URL: url })).code).toBe(0);
    },
  );

  it('skips services that are not configured and reports free disk space', async () => {
    expect((await checkPostgres(undefined)).status).toBe('skipped');
    expect((await checkRedis(undefined)).status).toBe('skipped');
    const disk = checkDisk(path.join(tempDir(), 'not', 'yet', 'created'));
    expect(['ok', 'warn', 'fail']).toContain(disk.status);
    expect(disk.detail).toMatch(/GiB free at \//);
  });

  it('checks the batch source the weekly run reads: the landing folder and what waits there', async () => {
    const config = ConfigSchema.parse({ dataDir: tempDir() });
    const paths = dataPaths(config);
    mkdirSync(paths.landingDir, { recursive: true });
    for (const f of ['week-1.parquet', 'week-2.csv', 'notes.txt'])
      writeFileSync(path.join(paths.landingDir, f), 'x');
    expect(await checkBatchSource(config, paths)).toMatchObject({
      name: 'source',
      status: 'ok',
      detail: `${paths.landingDir}: 2 batch file(s)`,
    });
  });

  it('looks at a landing folder that does not exist yet without making it', async () => {
    // `sodai doctor` run anywhere used to leave a .sodai/landing folder behind: a check must not write.
    const config = ConfigSchema.parse({ dataDir: path.join(tempDir(), 'fresh') });
    const paths = dataPaths(config);
    const check = await checkBatchSource(config, paths);
    expect(check).toMatchObject({ name: 'source', status: 'ok' });
    expect(check.detail).toBe(
      `${paths.landingDir}: not made yet (made on the first upload, serve or ingest)`,
    );
    expect(existsSync(paths.landingDir)).toBe(false);
    expect(existsSync(config.dataDir)).toBe(false);
  });

  it.runIf(postgres.available)(
    'checks a Postgres source: its table and watermark column, and says which is wrong',
    async () => {
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      const schema = `doctor_${process.pid}`;
      await client.query(`CREATE SCHEMA ${schema}`);
      try {
        await client.query(`CREATE TABLE ${schema}.sales (purchase_date date)`);
        await client.query(`INSERT INTO ${schema}.sales VALUES ('2024-12-30'), ('2024-12-31')`);
        const withSource = (table: string, watermarkColumn: string) => {
          const config = ConfigSchema.parse({
            dataDir: tempDir(),
            source: { kind: 'postgres', url: postgres.url, table, watermarkColumn },
          });
          return checkBatchSource(config, dataPaths(config));
        };
        const ok = await withSource(`${schema}.sales`, 'purchase_date');
        expect(ok).toMatchObject({ status: 'ok' });
        expect(ok.detail).toContain(`${schema}.sales: 2 rows, newest purchase_date 2024-12-31`);
        const noTable = await withSource(`${schema}.nope`, 'purchase_date');
        expect(noTable).toMatchObject({ status: 'fail' });
        expect(noTable.detail).toContain(`"${schema}.nope" does not exist`);
        expect(noTable.fix).toMatch(/table or query/);
        const noColumn = await withSource(`${schema}.sales`, 'sold_on');
        expect(noColumn.detail).toContain('column "sold_on" does not exist');
      } finally {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
    },
  );

  it.runIf(postgres.available)('reaches the test Postgres', async () => {
    expect(await checkPostgres(postgres.url)).toMatchObject({ name: 'postgres', status: 'ok' });
  });

  it.runIf(redis.available)('reaches the test Redis', async () => {
    expect(await checkRedis(redis.url)).toMatchObject({ name: 'redis', status: 'ok' });
  });
});
