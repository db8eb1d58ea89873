import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { openTracking } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from '../src/cli/help-examples.ts';
import { MODEL_NAME } from '../src/model/model-names.ts';
import { tempDir, writeTable } from './helpers.ts';

const run = promisify(execFile);

/** Parses `text` with jq when it is installed (what a user's script does), with JSON.parse otherwise. */
function jq(text: string): unknown {
  const which = spawnSync('jq', ['--version']);
  if (which.error) return JSON.parse(text);
  const out = spawnSync('jq', ['-c', '.'], { input: text, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`jq rejected the output: ${out.stderr}`);
  return JSON.parse(out.stdout);
}
const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const dir = tempDir();
/** Each spawn loads the CLI from source (seconds on a busy machine); tests that spawn several get room. */
const SPAWNS_TIMEOUT = 240_000;

async function sodai(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, SODAI_DATA_DIR: path.join(dir, 'data'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sodai CLI', () => {
  it('prints help', async () => {
    const { code, stdout } = await sodai(['--help']);
    expect(code).toBe(0);
    for (const command of ['config', 'data', 'ingest', 'demo']) expect(stdout).toContain(command);
  });

  it('ends quietly, as Unix tools do (status 141), when its reader closes the pipe early (`sodai --help | head -1`)', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], {
      cwd: dir,
      env: { ...process.env, SODAI_DATA_DIR: path.join(dir, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reader is gone before the help is written
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(141);
  });

  it('prints the effective configuration as JSON alone on stdout, secrets and passwords masked', async () => {
    const { code, stdout, stderr } = await sodai(['config'], {
      SODAI_ADMIN_TOKEN: 'a-long-enough-secret-token',
      DATABASE_URL: 'postgres://sodai:db-password@127.0.0.1:5432/sodai',
    });
    expect(code).toBe(0);
    // The whole of stdout parses (what `sodai config | jq` needs); the notes are on stderr.
    expect(JSON.parse(stdout)).toMatchObject({
      dataDir: path.join(dir, 'data'),
      server: { adminToken: '***' },
      databaseUrl: 'postgres://sodai:***@127.0.0.1:5432/sodai',
    });
    expect(stdout + stderr).not.toContain('a-long-enough-secret-token');
    expect(stdout + stderr).not.toContain('db-password');
    expect(stderr).toContain('# environment: SODAI_DATA_DIR, DATABASE_URL, SODAI_ADMIN_TOKEN');
  });

  it('prints its version, and leaves a subcommand its own --version option', async () => {
    const { code, stdout } = await sodai(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const short = await sodai(['-V']);
    expect([short.code, short.stdout]).toEqual([0, stdout]);
    // `models promote --version N` must reach the registry, not print the program's version.
    const promote = await sodai(['models', 'promote', '--version', '999', '--reason', 'test']);
    expect(promote.code).toBe(1);
    expect(promote.stderr).toContain('no registered model');
  });

  it('fails with the key and expected form for a bad setting, without a stack trace', async () => {
    const { code, stderr } = await sodai(['config'], { SODAI_PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toContain('server.port (from SODAI_PORT)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('generates, loads and ingests from the command line, and exits non-zero on a rejected batch', async () => {
    const out = path.join(dir, 'gen');
    const generated = await sodai([
      'data',
      'generate',
      '--customers',
      '80',
      '--products',
      '60',
      '--weeks',
      '8',
      '--out',
      out,
    ]);
    expect(generated.code).toBe(0);
    expect(generated.stdout).toMatch(/wrote [\d,]+ transactions/);
    const split = await sodai([
      'data',
      'split-weeks',
      '--in',
      out,
      '--out',
      path.join(dir, 'landing'),
      '--last',
      '2',
      '--history',
      path.join(dir, 'hist'),
      '--json',
    ]);
    // --json: one document on stdout, the batches written.
    const parsed = JSON.parse(split.stdout) as { batches: { file: string; rows: number }[] };
    expect(parsed.batches).toHaveLength(2);
    expect(parsed.batches.every((b) => b.rows > 0)).toBe(true);
    const h = (f: string) => path.join(dir, 'hist', f);
    const load = await sodai([
      'data',
      'load',
      '--customers',
      h('clientes.parquet'),
      '--products',
      h('productos.parquet'),
      '--transactions',
      h('transacciones.parquet'),
    ]);
    expect(load.code).toBe(0);
    expect(load.stdout).toContain('✔ transactions ingested');
    const ingest = await sodai(['ingest', path.join(dir, 'landing')]);
    expect(ingest.code).toBe(0);
    expect(ingest.stdout.match(/✔ transactions ingested/g)).toHaveLength(2);
    const again = await sodai(['ingest', path.join(dir, 'landing')]);
    expect(again.stdout.match(/↷ transactions skipped/g)).toHaveLength(2);
    // The same dates with other quantities: a correction without --replace is rejected.
    const changed = await writeTable(
      `SELECT * REPLACE (items + 1 AS items) FROM read_parquet('${path.join(out, 'transacciones.parquet')}')`,
      path.join(dir, 'changed.parquet'),
    );
    const overlap = await sodai(['ingest', changed]);
    expect(overlap.code).toBe(1);
    expect(overlap.stdout).toContain('FATAL overlap');
    const log = await sodai(['data', 'batches']);
    expect(log.stdout.split('\n').filter(Boolean)).toHaveLength(6);
  });

  it(
    '`data load DIR` loads the three raw files of a folder, and names the files it looked for in a folder without them',
    async () => {
      const gen = path.join(dir, 'gen-folder');
      const own = { SODAI_DATA_DIR: path.join(dir, 'folder-load') };
      const generated = await sodai(
        ['data', 'generate', '--customers', '30', '--products', '20', '--weeks', '4', '--out', gen],
        own,
      );
      expect(generated.code).toBe(0);
      const load = await sodai(['data', 'load', gen, '--json'], own);
      expect(load.code).toBe(0);
      const result = JSON.parse(load.stdout) as {
        reports: { table: string; outcome: string }[];
        store: { customers: number; products: number; transactions: number };
      };
      expect(result.reports.map((r) => [r.table, r.outcome])).toEqual([
        ['customers', 'ingested'],
        ['products', 'ingested'],
        ['transactions', 'ingested'],
      ]);
      expect(result.store).toMatchObject({ customers: 30, products: 20 });
      expect(result.store.transactions).toBeGreaterThan(0);

      const empty = path.join(dir, 'no-raw-files');
      mkdirSync(empty, { recursive: true });
      const none = await sodai(['data', 'load', empty], own);
      expect(none.code).toBe(1);
      expect(none.stderr).toContain(
        `${empty}: none of clientes.parquet, productos.parquet, transacciones.parquet`,
      );
      expect(none.stderr).not.toMatch(/\n\s+at /);
    },
    SPAWNS_TIMEOUT,
  );

  it(
    'on a fresh install `runs list --json` and `pipelines list --json` list nothing and exit 0',
    async () => {
      const fresh = { SODAI_DATA_DIR: path.join(dir, 'fresh') };
      const runs = await sodai(['runs', 'list', '--json'], fresh);
      expect(runs.code).toBe(0);
      expect(JSON.parse(runs.stdout)).toEqual([]);
      expect(jq(runs.stdout)).toEqual([]);
      const pipelines = await sodai(['pipelines', 'list', '--json'], fresh);
      expect([pipelines.code, JSON.parse(pipelines.stdout)]).toEqual([0, []]);
      // An experiment the user names and gets wrong is still an error.
      const named = await sodai(['runs', 'list', '--experiment', 'nope'], fresh);
      expect(named.code).toBe(1);
      expect(named.stderr).toContain('nope');
    },
    SPAWNS_TIMEOUT,
  );

  it(
    '`models show 1` (a version where the name goes) says which models are registered, and its help example names one',
    async () => {
      const own = path.join(dir, 'one-model');
      const tracking = await openTracking({ dataDir: own, databaseUrl: '' });
      await tracking.registry.createRegisteredModel(MODEL_NAME);
      await tracking.close();
      const shown = await sodai(['models', 'show', '1'], { SODAI_DATA_DIR: own });
      expect(shown.code).toBe(1);
      expect(shown.stderr).toContain(`no registered model named "1" (registered: ${MODEL_NAME})`);
      expect(shown.stderr).toContain(`sodai models show ${MODEL_NAME}`);
      const fresh = await sodai(['models', 'show', 'nope'], { SODAI_DATA_DIR: path.join(dir, 'no-model') });
      expect(fresh.stderr).toContain('none is registered yet');
      // The examples a reader copies name the model the product registers.
      for (const example of HELP_EXAMPLES['models show']!) {
        const name = example.split(' ')[3];
        if (name !== undefined && !name.startsWith('-') && name !== '|')
          expect(name, example).toBe(MODEL_NAME);
      }
    },
    SPAWNS_TIMEOUT,
  );

  it(
    '`config --json` is JSON alone on stdout, parsed by JSON.parse and by jq',
    async () => {
      const { code, stdout, stderr } = await sodai(['config', '--json'], {
        REDIS_URL: 'redis://:redis-secret@127.0.0.1:6379',
      });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toMatchObject({ server: { requestLog: 'cold' } });
      expect(jq(stdout)).toMatchObject({ redisUrl: 'redis://:***@127.0.0.1:6379' });
      expect(stdout + stderr).not.toContain('redis-secret');
      expect(stderr).toContain('# source:');
    },
    SPAWNS_TIMEOUT,
  );

  it(
    '`logs` of an unknown run or task exits non-zero naming it',
    async () => {
      const run = await sodai(['logs', 'no-such-run', 'train']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('no pipeline run "no-such-run"');
      expect(run.stdout).toBe('');
      const show = await sodai(['pipelines', 'show', 'no-such-run']);
      expect(show.code).toBe(1);
      expect(show.stderr).toContain('no-such-run');
    },
    SPAWNS_TIMEOUT,
  );

  it(
    '`run weekly --follow` shows task progress on stderr within 2 s of the run starting',
    async () => {
      const child = spawn(process.execPath, [BIN, 'run', 'weekly', '--follow'], {
        cwd: dir,
        env: { ...process.env, SODAI_DATA_DIR: path.join(dir, 'follow') },
      });
      const lines: { at: number; text: string }[] = [];
      let stdout = '';
      child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      let rest = '';
      child.stderr.on('data', (b: Buffer) => {
        const parts = (rest + b.toString()).split('\n');
        rest = parts.pop()!;
        for (const text of parts) lines.push({ at: performance.now(), text });
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const started = lines.find((l) => /^run \S+ started$/.test(l.text));
      const firstTask = lines.find((l) => /^\d\d:\d\d:\d\d ingest: running/.test(l.text));
      expect(started, lines.map((l) => l.text).join('\n')).toBeDefined();
      expect(firstTask, lines.map((l) => l.text).join('\n')).toBeDefined();
      expect(firstTask!.at - started!.at).toBeLessThan(2000);
      // An empty store fails at validation: the follow shows why, and the table lands on stdout.
      expect(lines.some((l) => /validate: failed .*no transactions/.test(l.text))).toBe(true);
      expect(stdout).toMatch(/^run \S+ \(weekly\) failed/);
      expect(code).toBe(1);
    },
    SPAWNS_TIMEOUT,
  );

  it('rejects a bad option value naming the option', async () => {
    const { code, stderr } = await sodai(['data', 'generate', '--customers', 'many', '--out', dir]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("option '--customers <n>' argument 'many' is invalid");
  });

  it('says why it failed when a command finds a bad value itself, not only exit 1 (unknown DAG, format)', async () => {
    const dag = await sodai(['dags', 'export', 'nightly', '--format', 'airflow']);
    expect(dag.code).toBe(1);
    expect(dag.stderr).toContain('unknown DAG "nightly" (known: weekly, maintenance)');
    const format = await sodai(['dags', 'export', 'weekly', '--format', 'dagster']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('--format: only "airflow" is supported, not "dagster"');
  });

  it(
    '`data landing` lists the landing files with what became of each, and --remove takes one out',
    async () => {
      const own = { SODAI_DATA_DIR: path.join(dir, 'landing-cli') };
      const landing = path.join(dir, 'landing-cli', 'landing');
      mkdirSync(landing, { recursive: true });
      writeFileSync(path.join(landing, 'week-bad.csv'), 'customer_id,product_id\n1,2\n');
      expect((await sodai(['ingest'], own)).code).toBe(1);
      const listed = await sodai(['data', 'landing'], own);
      expect(listed.stdout).toMatch(/^refused\s+week-bad\.csv/m);
      expect(listed.stdout).toContain('missing column "order_id"');
      const json = jq((await sodai(['data', 'landing', '--json'], own)).stdout) as {
        files: { name: string; state: string }[];
      };
      expect(json.files.map((f) => [f.name, f.state])).toEqual([['week-bad.csv', 'refused']]);
      const removed = await sodai(['data', 'landing', '--remove', 'week-bad.csv'], own);
      expect(removed.code, removed.stderr).toBe(0);
      expect(removed.stdout).toContain('removed week-bad.csv (refused)');
      expect(existsSync(path.join(landing, 'week-bad.csv'))).toBe(false);
      const again = await sodai(['data', 'landing', '--remove', 'week-bad.csv'], own);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('no batch file week-bad.csv in');
    },
    SPAWNS_TIMEOUT,
  );
});
