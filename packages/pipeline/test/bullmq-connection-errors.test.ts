import { freePort } from '@sodai/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BullMQExecutor } from '../src/executors/bullmq-executor.ts';
import { sleep } from './helpers.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a BullMQ executor whose Redis is unreachable', () => {
  it('reports the lost connection once per outage, not a stack per reconnect attempt, and closes', async () => {
    // Nothing listens on a port just freed: every connect attempt is refused at once.
    const port = await freePort();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reported: Error[] = [];
    const executor = new BullMQExecutor({
      redisUrl: `redis://127.0.0.1:${port}`,
      queueName: 'unreachable',
      onConnectionError: (error) => reported.push(error),
    });
    try {
      await sleep(1500);
      // Two connections (queue and events), each lost once while ioredis keeps retrying.
      expect(reported.length).toBeGreaterThanOrEqual(1);
      expect(reported.length).toBeLessThanOrEqual(2);
      expect(reported[0]!.message).toMatch(/ECONNREFUSED/);
      const unhandled = consoleError.mock.calls.filter((args) =>
        String(args[0]).includes('Unhandled error event'),
      );
      expect(unhandled).toEqual([]);
    } finally {
      await executor.close();
    }
  });
});
