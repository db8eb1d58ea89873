import { describe, expect, it } from 'vitest';
import { DbLane } from '../../src/store/db-lane.ts';
import { openJobDuckDb } from '../../src/store/parquet-table.ts';

describe('DbLane.answers (the readiness check of the server DuckDB)', () => {
  it('a busy lane answers as soon as queued work succeeds, so the watchdog never stops a server under load', async () => {
    const db = await openJobDuckDb({ memoryLimit: '256MB' });
    try {
      const lane = new DbLane(db.connection);
      let finishSlow!: () => void;
      const slow = lane.run(() => new Promise<void>((r) => (finishSlow = r)));
      const queued = Array.from({ length: 3 }, () => lane.run(() => new Promise((r) => setTimeout(r, 200))));
      let answered = false;
      const check = lane.answers(async () => 1).then(() => (answered = true));
      await new Promise((r) => setTimeout(r, 50));
      expect(answered).toBe(false); // nothing has succeeded yet
      finishSlow();
      await slow;
      // The first success ahead of the probe proves the connection answers; the probe's own
      // statement is still queued behind three more.
      await check;
      expect(answered).toBe(true);
      await Promise.all(queued);
    } finally {
      db.close();
    }
  });

  it('rejects when the statement fails and nothing else succeeds', async () => {
    const db = await openJobDuckDb({ memoryLimit: '256MB' });
    try {
      const lane = new DbLane(db.connection);
      await expect(lane.answers((c) => c.run('SELECT * FROM no_such_table'))).rejects.toThrow(
        /no_such_table/,
      );
    } finally {
      db.close();
    }
  });
});
