import { describe, expect, it } from 'vitest';
import {
  snapshotCachedChatSource,
  type ChatDataSource,
  type Row,
  type SqlValue,
} from '../src/chat/data-source.ts';

/** A data source that counts the queries it runs and answers with `rowsFor`. */
function countingSource(rowsFor: (sql: string, params: readonly SqlValue[]) => Row[]) {
  const calls: string[] = [];
  const source: ChatDataSource = {
    query(sql, params = []) {
      calls.push(sql);
      if (sql.includes('FAIL')) return Promise.reject(new Error('query failed'));
      return Promise.resolve(rowsFor(sql, params));
    },
  };
  return { source, calls };
}

describe('chat data source cache', () => {
  it('re-runs no query asked again while the store shows the same snapshots', async () => {
    const { source, calls } = countingSource((_, params) => [{ n: Number(params[0] ?? 0) * 10 }]);
    const cached = snapshotCachedChatSource(source, { version: () => 'customers@1,transactions@7' });
    for (let i = 0; i < 50; i++) {
      expect(
        await cached.query('SELECT count(*) AS n FROM transactions WHERE customer_id = $1', [3]),
      ).toEqual([{ n: 30 }]);
    }
    expect(await cached.query('SELECT count(*) AS n FROM transactions WHERE customer_id = $1', [4])).toEqual([
      { n: 40 },
    ]);
    expect(calls).toHaveLength(2);
  });

  it('answers from the new data as soon as any table moves to another snapshot', async () => {
    let version = 'transactions@7';
    const { source, calls } = countingSource(() => [{ n: version === 'transactions@7' ? 100 : 120 }]);
    const cached = snapshotCachedChatSource(source, { version: () => version });
    expect(await cached.query('SELECT count(*) AS n FROM transactions')).toEqual([{ n: 100 }]);
    version = 'transactions@8';
    expect(await cached.query('SELECT count(*) AS n FROM transactions')).toEqual([{ n: 120 }]);
    expect(calls).toHaveLength(2);
  });

  it('keeps no failure and no result larger than the cache', async () => {
    const { source, calls } = countingSource((sql) =>
      sql.includes('big') ? Array.from({ length: 11 }, (_, i) => ({ i })) : [{ ok: true }],
    );
    const cached = snapshotCachedChatSource(source, { version: () => 'v', maxRows: 10 });
    await expect(cached.query('SELECT FAIL')).rejects.toThrow('query failed');
    await expect(cached.query('SELECT FAIL')).rejects.toThrow('query failed');
    expect(await cached.query('SELECT big')).toHaveLength(11);
    expect(await cached.query('SELECT big')).toHaveLength(11);
    expect(calls).toEqual(['SELECT FAIL', 'SELECT FAIL', 'SELECT big', 'SELECT big']);
  });

  it('hands out results no caller can change for the next one', async () => {
    const { source } = countingSource(() => [{ n: 1 }, { n: 2 }]);
    const cached = snapshotCachedChatSource(source, { version: () => 'v' });
    const first = await cached.query('SELECT n');
    expect(() => (first as Row[]).reverse()).toThrow(TypeError);
    expect(await cached.query('SELECT n')).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
