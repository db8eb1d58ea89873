import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openSqliteAlertStore } from '../../src/monitor/alerts/alert-store.ts';
import { weeklyRunFailed } from '../../src/monitor/alerts/pipeline-rules.ts';
import { tempDir } from '../helpers.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/sodai.js');

async function sodai(dataDir: string, args: string[]) {
  return run(process.execPath, [BIN, 'monitor', 'alerts', ...args], {
    cwd: dataDir,
    env: { ...process.env, SODAI_DATA_DIR: dataDir },
  });
}

describe('sodai monitor alerts', { timeout: 120_000 }, () => {
  it('lists alerts as text and JSON, acknowledges one, and names an unknown id', async () => {
    const dataDir = tempDir('sodai-alerts-cli-');
    const store = await openSqliteAlertStore(path.join(dataDir, 'catalog.db'));
    let id: string;
    try {
      const t = await store.apply(
        weeklyRunFailed({ id: 'r1', state: 'failed', error: 'validate: no data' }),
        1000,
      );
      if (t.kind !== 'opened') throw new Error('expected an opened alert');
      id = t.alert.id;
    } finally {
      await store.close();
    }
    const text = await sodai(dataDir, ['--state', 'open']);
    expect(text.stdout).toMatch(/open\s+critical\s+weekly_run_failed/);
    expect(text.stdout).toContain('weekly run r1 failed: validate: no data');

    await sodai(dataDir, ['--ack', id, '--by', 'ana']);
    const json = JSON.parse((await sodai(dataDir, ['--json'])).stdout) as {
      alerts: { id: string; acknowledged_by: string | null; state: string }[];
    };
    expect(json.alerts).toEqual([expect.objectContaining({ id, acknowledged_by: 'ana', state: 'open' })]);

    const missing = await sodai(dataDir, ['--ack', 'nope']).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no alert nope') });
  });
});
