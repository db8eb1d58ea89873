import { describe, expect, it } from 'vitest';
import { runWeeklyCheck } from '../examples/weekly-check.ts';

describe('examples/weekly-check', () => {
  it('December against November with last December as seasonal reference: no alarm', () => {
    const r = runWeeklyCheck(0);
    expect(r.columns.find((c) => c.name === 'basket')!.driftedVsReference).toBe(true);
    expect(r.verdict.drifted).toBe(false);
  });

  it('a one-sd price shift alarms', () => {
    const r = runWeeklyCheck(1);
    expect(r.columns.filter((c) => c.drifted).map((c) => c.name)).toEqual(['price']);
    expect(r.verdict.drifted).toBe(true);
  });
});
