import { describe, expect, it } from 'vitest';
import { decideGate } from '../src/model/champion-gate.ts';

const base = { testCutoff: '2024-12-25', margin: 0.01, bestBaseline: 'k_of_n', bestBaselineF1: 0.55 };

describe('champion gate', () => {
  it('passes a challenger that beats the best baseline by the margin when there is no champion', () => {
    const g = decideGate({ ...base, challengerF1: 0.57 });
    expect(g.passed).toBe(true);
    expect(g.reason).toMatch(/beats k_of_n \(0\.5500\); no comparable champion/);
    expect(g.championVersion).toBeUndefined();
  });

  it('fails a challenger within the margin of the best baseline', () => {
    const g = decideGate({ ...base, challengerF1: 0.555 });
    expect(g.passed).toBe(false);
    expect(g.reason).toMatch(/does not beat k_of_n/);
  });

  it('needs to beat the champion on the same week too', () => {
    const worse = decideGate({ ...base, challengerF1: 0.6, champion: { version: 3, f1: 0.595 } });
    expect(worse).toMatchObject({ passed: false, championVersion: 3, championF1: 0.595 });
    expect(worse.reason).toMatch(/does not beat champion v3/);
    const better = decideGate({ ...base, challengerF1: 0.61, champion: { version: 3, f1: 0.595 } });
    expect(better.passed).toBe(true);
    expect(better.reason).toMatch(/beats champion v3 \(0\.5950\) and k_of_n/);
  });

  it('treats a champion that cannot score today’s features as absent, but records it', () => {
    const g = decideGate({ ...base, challengerF1: 0.57, champion: { version: 2, f1: undefined } });
    expect(g).toMatchObject({ passed: true, championVersion: 2 });
    expect(g.championF1).toBeUndefined();
  });
});
