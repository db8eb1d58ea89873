import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Snapshot } from '../../src/store/catalog/catalog-records.ts';
import type { RawStore } from '../../src/store/raw-store.ts';

const BIN = path.resolve(import.meta.dirname, '../../bin/sodai.js');

/** When to SIGKILL a CLI command: after a time, or once a file matching `file` appears in the store. */
export type KillMoment =
  | { readonly afterMs: number }
  | { readonly file: RegExp; readonly plusMs: number; readonly objectsDir: string };

export interface CliOutcome {
  /** True when the command was killed before it finished. */
  readonly killed: boolean;
  readonly code: number | null;
  readonly output: string;
  readonly elapsedMs: number;
}

export function describeMoment(m: KillMoment): string {
  return 'afterMs' in m ? `${m.afterMs} ms after start` : `${m.plusMs} ms after ${m.file.source} appears`;
}

/**
 * Runs `sodai <args>` on `dataDir` and SIGKILLs it at `moment` (no moment: runs to the end). A
 * watched file is the last one a change puts before its catalog commit, so a kill shortly after it
 * lands inside the commit window, whatever the machine's speed.
 */
export function runCli(
  dataDir: string,
  args: readonly string[],
  moment?: KillMoment,
  env: Readonly<Record<string, string>> = {},
): Promise<CliOutcome> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, SODAI_DATA_DIR: dataDir, SODAI_LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const kill = () => child.kill('SIGKILL');
    let timer: NodeJS.Timeout | undefined;
    let watcher: ReturnType<typeof watch> | undefined;
    if (moment && 'afterMs' in moment) timer = setTimeout(kill, moment.afterMs);
    if (moment && 'file' in moment) {
      watcher = watch(moment.objectsDir, { recursive: true }, (_event, name) => {
        if (name !== null && moment.file.test(String(name))) {
          watcher?.close();
          timer = setTimeout(kill, moment.plusMs);
        }
      });
    }
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      watcher?.close();
      resolve({ killed: signal === 'SIGKILL', code, output, elapsedMs: Date.now() - started });
    });
  });
}

/** `sodai gc --dry-run --grace-minutes 0`: the orphan keys it lists. */
export async function gcDryRun(dataDir: string): Promise<string[]> {
  const out = await runCli(dataDir, ['gc', '--dry-run', '--grace-minutes', '0']);
  expect(out.code, out.output).toBe(0);
  // The table's kind column is padded to its widest kind (`model-version`).
  return [...out.output.matchAll(/^orphan-file\s+(\S+)\s/gm)].map((m) => m[1]!).sort();
}

/**
 * Objects gc may collect, found independently of the catalog's own `listOrphans`: data files under
 * `tables/` that no snapshot of any table references (walking every snapshot's file list), and
 * validation reports under `reports/ingest/` whose JSON no ingestion record names (a process killed
 * after writing a batch's report and before committing it).
 */
export async function unreferencedObjects(store: RawStore): Promise<string[]> {
  const { catalog, objects } = store.shared;
  const referenced = new Set<string>();
  for (const table of await catalog.tables()) {
    for (const snapshot of await catalog.history(table.name, 10_000)) {
      for (const file of (await catalog.snapshot(snapshot.id)).files) referenced.add(file.key);
    }
  }
  const reports = new Set((await catalog.listIngestions()).map((i) => i.reportKey));
  const files = (await objects.list('tables/')).map((o) => o.key).filter((k) => !referenced.has(k));
  const orphanReports = (await objects.list('reports/ingest/'))
    .map((o) => o.key)
    .filter((k) => !reports.has(k.replace(/\.html$/, '.json')));
  return [...files, ...orphanReports].sort();
}

/** A snapshot is whole: each file holds the bytes the catalog recorded and the rows add up. */
export async function expectWholeSnapshot(store: RawStore, snapshot: Snapshot): Promise<void> {
  for (const file of snapshot.files) {
    await expect(store.shared.objects.localPath(file.key, file.contentHash)).resolves.toBeTruthy();
  }
  expect(snapshot.files.reduce((sum, f) => sum + f.rows, 0)).toBe(snapshot.summary.totalRows);
}
