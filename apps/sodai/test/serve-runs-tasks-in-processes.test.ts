import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, waitForReady } from '@sodai/testing';
import { ADMIN_TOKEN, serveFixture } from './serve-fixture.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');

describe('`sodai serve` and the weekly run', { timeout: 240_000 }, () => {
  it("runs the pipeline's tasks in child processes: their log lines carry another pid, the run succeeds and the server reloads", async () => {
    const fx = await serveFixture();
    const dir = fx.dir;
    await fx.close();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = spawn(
      process.execPath,
      [BIN, '--log-format', 'json', 'serve', '--port', String(port), '--poll-ms', '0', '--rate-limit', '0'],
      {
        cwd: dir,
        env: { ...process.env, SODAI_DATA_DIR: dir, SODAI_ADMIN_TOKEN: ADMIN_TOKEN, SODAI_LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const auth = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    try {
      await waitForReady({ base, server, output: () => stderr, timeoutMs: 60_000 });
      const started = await fetch(`${base}/api/admin/pipeline/dags/weekly/runs`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({ retrain: 'never' }),
      });
      expect(started.status, stderr).toBe(202);
      const { run_id: runId } = (await started.json()) as { run_id: string };
      type RunDetail = { state: string; tasks: { task_id: string; output: { message?: string } | null }[] };
      let detail: RunDetail = { state: '', tasks: [] };
      const deadline = Date.now() + 120_000;
      while (Date.now() < deadline) {
        const res = await fetch(`${base}/api/pipeline/runs/${runId}`, { headers: auth });
        detail = (await res.json()) as RunDetail;
        if (detail.state === 'success' || detail.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(detail.state, stderr).toBe('success');
      // A child could not reach this server ("no server attached"): the reload ran here.
      const notify = detail.tasks.find((t) => t.task_id === 'notify_serving');
      expect(notify?.output?.message).toMatch(/^serving v\d+$/);

      const lines = stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { pid: number; taskId?: string; runId?: string; msg: string });
      const taskLines = lines.filter((l) => l.runId === runId && l.taskId !== undefined);
      const pidsByTask = new Map<string, Set<number>>();
      for (const l of taskLines)
        pidsByTask.set(l.taskId!, (pidsByTask.get(l.taskId!) ?? new Set()).add(l.pid));
      expect(pidsByTask.size, stderr).toBeGreaterThan(2);
      for (const pids of pidsByTask.values()) expect(pids.has(server.pid!)).toBe(false);
      // notify_serving reloads this server, so it runs here: its line is the server's own log.
      expect(pidsByTask.has('notify_serving')).toBe(false);
      expect(server.exitCode).toBeNull();
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  });
});
