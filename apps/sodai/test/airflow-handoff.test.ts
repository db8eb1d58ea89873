import { execFile, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { buildWeeklyDag } from '../src/flows/weekly-dag.ts';
import { tempDir } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const run = promisify(execFile);

describe('Airflow hand-off', () => {
  it('`sodai dags export weekly --format airflow` writes a DAG file that compiles and mirrors the weekly DAG', async () => {
    const dir = tempDir();
    const { stdout } = await run(process.execPath, [BIN, 'dags', 'export', 'weekly', '--format', 'airflow'], {
      env: { ...process.env, SODAI_DATA_DIR: dir },
    });
    const file = path.join(dir, 'sodai_weekly.py');
    writeFileSync(file, stdout);
    const compiled = spawnSync('python3', ['-m', 'py_compile', file], { encoding: 'utf8' });
    expect(compiled.status, compiled.stderr).toBe(0);

    const config = ConfigSchema.parse({ dataDir: dir });
    const weekly = buildWeeklyDag(
      createFlowEnv({
        config,
        paths: dataPaths(config),
        openStore: () => Promise.reject(new Error('not used')),
        openTracking: () => Promise.reject(new Error('not used')),
      }),
    ).toJSON();
    const tasks = [
      ...stdout.matchAll(
        / = (BashOperator|BranchPythonOperator)\(\n\s+task_id="([^"]+)",\n\s+trigger_rule=TriggerRule\.(\w+),\n\s+retries=(\d+),/g,
      ),
    ];
    expect(
      tasks.map((m) => [
        m[2],
        m[1] === 'BranchPythonOperator' ? 'branch' : 'task',
        m[3]!.toLowerCase(),
        Number(m[4]),
      ]),
    ).toEqual(weekly.nodes.map((n) => [n.id, n.kind, n.triggerRule, n.retries]));
    const edges = [...stdout.matchAll(/^ {4}t_(\w+) >> t_(\w+)$/gm)].map((m) => `${m[1]}>${m[2]}`);
    expect(edges.sort()).toEqual(weekly.edges.map((e) => `${e.from}>${e.to}`).sort());
    expect(stdout).toContain('schedule="@weekly"');
    expect(stdout).toContain('dag_id="sodai_weekly"');
  });
});
