import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { serviceGate } from '@sodai/testing';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInitialData } from '../src/data/load-data.ts';
import { splitWeeks } from '../src/data/split-weeks.ts';
import { ingestFromSource } from '../src/data/sources/ingest-from-source.ts';
import { maskUrl } from '../src/data/sources/mask-url.ts';
import { postgresSourceId } from '../src/data/sources/postgres-source.ts';
import { queryNumber, queryRows, readFileSql } from '../src/store/duckdb.ts';
import { RawStore } from '../src/store/raw-store.ts';
import { generateSmall, tempDir, writeTable } from './helpers.ts';
import { foreignS3Client, s3Gate } from './store/s3-test-server.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const AS_OF = { asOf: '2030-01-01' };

/** Generated data cut into the history (loaded first) and its last three weeks, one file each. */
async function historyAndWeeks(dir: string) {
  await generateSmall(path.join(dir, 'generated'), { weeks: 12 });
  const history = path.join(dir, 'history');
  const weeks = await splitWeeks({
    input: path.join(dir, 'generated'),
    outDir: path.join(dir, 'weeks'),
    lastWeeks: 3,
    historyDir: history,
  });
  return {
    customers: path.join(history, 'clientes.parquet'),
    products: path.join(history, 'productos.parquet'),
    transactions: path.join(history, 'transacciones.parquet'),
    weeks: weeks.map((w) => w.file),
  };
}

async function storeWithReferences(dataDir: string, files: { customers: string; products: string }) {
  const store = await RawStore.openDir(dataDir);
  await loadInitialData(store, { customers: files.customers, products: files.products }, AS_OF);
  return store;
}

async function rowsIn(file: string): Promise<number> {
  const { openDuckDb } = await import('../src/store/duckdb.ts');
  const db = await openDuckDb(':memory:');
  try {
    return await queryNumber(db.connection, `SELECT count(*) FROM ${readFileSql(file)}`);
  } finally {
    db.close();
  }
}

async function sodai(dataDir: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env: { ...process.env, SODAI_DATA_DIR: dataDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('maskUrl', () => {
  it('hides the password and secret-looking query parameters, keeps the rest', () => {
    expect(maskUrl('postgres://etl:hunter2@db:5432/sales?sslmode=require&password=x')).toBe(
      'postgres://etl:***@db:5432/sales?sslmode=require&password=***',
    );
    expect(maskUrl('s3://bucket/prefix/')).toBe('s3://bucket/prefix/');
    expect(maskUrl('./landing')).toBe('./landing');
  });
});

const s3 = await s3Gate({ bucket: 'sodai-source' });
afterAll(() => s3.server?.stop());

describe.runIf(s3.server)('ingest from an S3 prefix', () => {
  it('ingests each good weekly object once in key order, rejects the bad one with a report, and a re-run lands nothing', async () => {
    const server = s3.server!;
    const dir = tempDir();
    const files = await historyAndWeeks(dir);
    const [w1, w2, w3] = files.weeks as [string, string, string];
    // The middle week arrives without its `items` column: the whole batch is rejected.
    const bad = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date FROM read_parquet('${w2}')`,
      path.join(dir, 'bad-week.parquet'),
    );
    // Objects put by another producer (no sha256 metadata), under names whose order is time order.
    const client = foreignS3Client(server);
    const uploads: [string, string][] = [
      ['incoming/2024/week-a.parquet', w1],
      ['incoming/2024/week-b.parquet', bad],
      ['incoming/2024/week-c.parquet', w3],
      ['incoming/2024/README.txt', w3],
    ];
    for (const [key, file] of uploads) {
      await client.send(
        new PutObjectCommand({ Bucket: server.bucket, Key: key, Body: createReadStream(file) }),
      );
    }
    client.destroy();
    const dataDir = path.join(dir, 'data');
    const store = await storeWithReferences(dataDir, files);
    const url = `s3://${server.bucket}/incoming/`;
    const source = { kind: 's3', url } as const;
    const cacheDir = path.join(dataDir, 'cache');
    const options = { ...AS_OF, reportsDir: path.join(dir, 'reports') };
    const saved = { ...process.env };
    Object.assign(process.env, server.env);
    try {
      const first = await ingestFromSource(store, source, options, cacheDir);
      expect(first.map((r) => [r.file, r.outcome])).toEqual([
        [`s3://${server.bucket}/incoming/2024/week-a.parquet`, 'ingested'],
        [`s3://${server.bucket}/incoming/2024/week-b.parquet`, 'rejected'],
        [`s3://${server.bucket}/incoming/2024/week-c.parquet`, 'ingested'],
      ]);
      expect(first[1]!.fatal.map((f) => f.message).join()).toMatch(/week-b\.parquet: missing column "items"/);
      for (const report of first) expect(existsSync(report.reportPaths!.json)).toBe(true);
      const landed = await queryRows(
        store.connection,
        'SELECT batch_id, count(*)::INT AS n FROM transactions GROUP BY 1 ORDER BY min(purchase_date)',
      );
      expect(landed.map((r) => r.n)).toEqual([first[0]!.rows.accepted, first[2]!.rows.accepted]);
      expect(first[0]!.rows.read).toBe(await rowsIn(w1));
      expect(first[2]!.rows.read).toBe(await rowsIn(w3));

      const again = await ingestFromSource(store, source, options, cacheDir);
      expect(again.map((r) => r.outcome)).toEqual(['skipped', 'rejected', 'skipped']);
      expect(await queryNumber(store.connection, 'SELECT count(*) FROM transactions')).toBe(
        first[0]!.rows.accepted + first[2]!.rows.accepted,
      );
      const log = await store.shared.catalog.listIngestions();
      const fromBucket = log.filter((i) => i.sourceName.startsWith('s3://'));
      expect(fromBucket.map((i) => [path.basename(i.sourceName), i.status])).toEqual([
        ['week-a.parquet', 'landed'],
        ['week-c.parquet', 'landed'],
        ['week-b.parquet', 'rejected'],
      ]);
      // Its reports live in the object store too, so any machine can show them.
      for (const i of fromBucket) expect(await store.shared.objects.exists(i.reportKey!)).toBe(true);
    } finally {
      process.env = saved;
      await store.close();
    }
  });
});

const postgres = await serviceGate('postgres');

describe.runIf(postgres.available)('ingest from a Postgres table by watermark', () => {
  const schema = `src_${process.pid}_${Date.now().toString(36)}`;
  let admin: pg.Client;
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.query(
      `CREATE TABLE ${schema}.sales (customer_id BIGINT, product_id BIGINT, order_id BIGINT,
        purchase_date DATE, items DOUBLE PRECISION, loaded_by TEXT DEFAULT 'erp')`,
    );
  });
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  async function insertFile(file: string, dir: string): Promise<void> {
    const csv = await writeTable(
      `SELECT customer_id, product_id, order_id, purchase_date::DATE AS purchase_date, items FROM ${readFileSql(file)}`,
      path.join(dir, `${path.basename(file)}.csv`),
    );
    await pipeline(
      createReadStream(csv),
      admin.query(
        copyFrom(
          `COPY ${schema}.sales (customer_id, product_id, order_id, purchase_date, items) FROM STDIN WITH (FORMAT csv, HEADER true)`,
        ),
      ),
    );
  }

  it(
    'takes the rows after the committed watermark on each run, once, and never prints the password',
    { timeout: 300_000 },
    async () => {
      const dir = tempDir();
      const files = await historyAndWeeks(dir);
      const dataDir = path.join(dir, 'data');
      (await storeWithReferences(dataDir, files)).close();
      // Trust auth ignores the password; it is there to prove it is never printed.
      const withPassword = new URL(postgres.url);
      withPassword.password = 'hunter2-secret';
      const url = withPassword.toString();
      const args = ['ingest', url, '--table', `${schema}.sales`, '--watermark-column', 'purchase_date'];
      const asOf = ['--as-of', AS_OF.asOf];

      await insertFile(files.transactions, dir);
      const first = await sodai(dataDir, [...args, ...asOf]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/ingested/);
      const again = await sodai(dataDir, [...args, ...asOf]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/nothing new to ingest/);

      await insertFile(files.weeks[0]!, dir);
      const second = await sodai(dataDir, [...args, ...asOf]);
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/ingested/);
      const third = await sodai(dataDir, [...args, ...asOf]);
      expect(third.stdout).toMatch(/nothing new to ingest/);
      for (const out of [first, again, second, third]) {
        expect(`${out.stdout}${out.stderr}`).not.toContain('hunter2-secret');
      }

      const store = await RawStore.openDir(dataDir);
      try {
        const batches = await queryRows(
          store.connection,
          `SELECT count(*)::INT AS n, max(purchase_date)::VARCHAR AS last FROM transactions
         GROUP BY batch_id ORDER BY last`,
        );
        const reports = await store.ingestions(10);
        const accepted = reports
          .filter((r) => r.file.startsWith('postgres'))
          .map((r) => r.rowsAccepted)
          .reverse();
        expect(batches.map((b) => b.n)).toEqual(accepted);
        expect(accepted[1]).toBeGreaterThan(0);
        expect(accepted[1]! + 50).toBeLessThan(accepted[0]!);
        const spec = {
          kind: 'postgres',
          url,
          table: `${schema}.sales`,
          watermarkColumn: 'purchase_date',
        } as const;
        expect(await store.shared.catalog.watermark(postgresSourceId(spec))).toBe(batches[1]!.last);
        const log = (await store.shared.catalog.listIngestions()).filter((i) =>
          i.sourceName.startsWith('postgres'),
        );
        expect(log).toHaveLength(2);
        for (const i of log) {
          expect(i.status).toBe('landed');
          expect(i.sourceName).not.toContain('hunter2-secret');
          expect(await store.shared.objects.exists(i.reportKey!)).toBe(true);
        }
      } finally {
        await store.close();
      }
    },
  );

  it('rejects a bad increment without moving the watermark, and lands it once fixed', async () => {
    const dir = tempDir();
    const files = await historyAndWeeks(dir);
    const dataDir = path.join(dir, 'data');
    const store = await storeWithReferences(dataDir, files);
    await admin.query(
      `CREATE TABLE ${schema}.orders (customer_id BIGINT, product_id BIGINT, order_id BIGINT, purchase_date DATE, qty DOUBLE PRECISION)`,
    );
    await admin.query(
      `INSERT INTO ${schema}.orders SELECT customer_id, product_id, order_id, purchase_date, items
       FROM ${schema}.sales WHERE items > 0 ORDER BY purchase_date, order_id, product_id LIMIT 2`,
    );
    const [{ day }] = (
      await admin.query<{ day: string }>(`SELECT max(purchase_date)::text AS day FROM ${schema}.orders`)
    ).rows as [{ day: string }];
    const spec = {
      kind: 'postgres',
      url: postgres.url,
      table: `${schema}.orders`,
      watermarkColumn: 'purchase_date',
    } as const;
    const cacheDir = path.join(dataDir, 'cache');
    try {
      const [rejected] = await ingestFromSource(store, spec, AS_OF, cacheDir);
      expect(rejected!.outcome).toBe('rejected');
      expect(rejected!.message).toMatch(/missing column "items"/);
      expect(await store.shared.catalog.watermark(postgresSourceId(spec))).toBeUndefined();

      await admin.query(`ALTER TABLE ${schema}.orders RENAME COLUMN qty TO items`);
      const [fixed] = await ingestFromSource(store, spec, AS_OF, cacheDir);
      expect(fixed!.outcome, fixed!.message).toBe('ingested');
      expect(fixed!.rows.accepted).toBe(2);
      expect(await store.shared.catalog.watermark(postgresSourceId(spec))).toBe(day);
      expect(await ingestFromSource(store, spec, AS_OF, cacheDir)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  // Found on the Postgres walk: a row entered in the ERP after the watermark passed its date (a late
  // delivery note) is never read by an increment, and nothing said so.
  it('says when rows arrive dated at or before the watermark, until a batch moves past them', async () => {
    const dir = tempDir();
    const files = await historyAndWeeks(dir);
    const dataDir = path.join(dir, 'data');
    const store = await storeWithReferences(dataDir, files);
    const table = `${schema}.late_sales`;
    await admin.query(
      `CREATE TABLE ${table} (customer_id BIGINT, product_id BIGINT, order_id BIGINT, purchase_date DATE, items DOUBLE PRECISION)`,
    );
    const [{ first }] = (
      await admin.query<{ first: string }>(`SELECT min(purchase_date)::text AS first FROM ${schema}.sales`)
    ).rows as [{ first: string }];
    const copyDays = (from: number, to: number) =>
      admin.query(
        `INSERT INTO ${table} SELECT customer_id, product_id, order_id, purchase_date, items FROM ${schema}.sales
         WHERE items > 0 AND purchase_date >= $1::date + $2::int AND purchase_date < $1::date + $3::int`,
        [first, from, to],
      );
    const spec = { kind: 'postgres', url: postgres.url, table, watermarkColumn: 'purchase_date' } as const;
    const cacheDir = path.join(dataDir, 'cache');
    const ingest = async () => {
      const warnings: string[] = [];
      const reports = await ingestFromSource(store, spec, AS_OF, cacheDir, (n) => {
        // The figures the weekly run's late_source_rows alert carries agree with the sentence.
        expect(n.message).toContain(
          `${n.rows} rows with purchase_date at or before the watermark ${n.watermark}`,
        );
        expect(n.source).toBe(`${maskUrl(postgres.url)} ${table}`);
        warnings.push(n.message);
      });
      return { outcomes: reports.map((r) => r.outcome), warnings };
    };
    try {
      await copyDays(0, 7);
      expect(await ingest()).toEqual({ outcomes: ['ingested'], warnings: [] });
      const watermark = (await store.shared.catalog.watermark(postgresSourceId(spec)))!;

      await admin.query(
        `INSERT INTO ${table} SELECT customer_id, product_id, 99999999, purchase_date, items FROM ${table}
         ORDER BY purchase_date LIMIT 2`,
      );
      const late = await ingest();
      expect(late.outcomes).toEqual([]);
      expect(late.warnings).toHaveLength(1);
      expect(late.warnings[0]).toContain(`2 rows with purchase_date at or before the watermark ${watermark}`);
      expect(late.warnings[0]).toMatch(/column that only grows/);
      expect((await ingest()).warnings).toHaveLength(1); // still true, still said

      await copyDays(7, 14);
      const moved = await ingest();
      expect(moved.outcomes).toEqual(['ingested']);
      expect(moved.warnings).toHaveLength(1);
      expect(await ingest()).toEqual({ outcomes: [], warnings: [] });
      const [{ n }] = (await admin.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${table}`)).rows as [
        { n: string },
      ];
      expect((await store.shared.catalog.sourceWatermark(postgresSourceId(spec)))?.rowsThrough).toBe(
        Number(n),
      );
    } finally {
      await store.close();
    }
  });
});
