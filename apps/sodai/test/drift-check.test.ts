import type { TrackingClient } from '@sodai/tracking';
import { describe, expect, it } from 'vitest';
import { checkDrift } from '../src/jobs/drift-check.ts';
import type { WeekContext } from '../src/jobs/week-context.ts';
import type { LoadedPurchaseModel } from '../src/model/registry.ts';

describe('the drift check right after training', () => {
  it('says "no reference yet" instead of comparing the champion’s own test week with itself', async () => {
    const week = { plan: { testCutoff: '2024-06-03' } } as unknown as WeekContext;
    const champion = {
      version: { version: 4, runId: 'r4', signature: { inputs: [], testCutoff: '2024-06-03' } },
    } as unknown as LoadedPurchaseModel;
    const tracking = {
      readArtifact: () => {
        throw new Error('the reference must not be read: there is nothing to compare yet');
      },
    } as unknown as TrackingClient;
    const check = await checkDrift(week, tracking, champion, '/nonexistent');
    expect(check).toMatchObject({ drifted: false, week: '2024-06-03', championVersion: 4, seasonal: false });
    expect(check.reason).toMatch(/^no reference yet/);
    expect(check.reportPath).toBeUndefined();
  });
});
