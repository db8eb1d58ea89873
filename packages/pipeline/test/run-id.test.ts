import { describe, expect, it } from 'vitest';
import { newRunId } from '../src/run/run-id.ts';

describe('run ids', () => {
  it('sort by creation, even for runs created in the same millisecond (queued runs start FIFO)', () => {
    const ids = [
      newRunId(1_795_000_000_000),
      newRunId(1_795_000_000_000),
      newRunId(1_795_000_000_000),
      newRunId(1_795_000_000_001),
    ];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
