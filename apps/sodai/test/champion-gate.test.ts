import { describe, expect, it } from 'vitest';
import { decideGate, ruleToBeat } from '../src/model/champion-gate.ts';

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

describe('the gate keeps what decided, with its figures, beside the English reason', () => {
  it.each([
    [
      { challengerF1: 0.555 },
      { kind: 'below_rule', challengerF1: 0.555, rule: 'k_of_n', ruleF1: 0.55, margin: 0.01 },
    ],
    [
      { challengerF1: 0.6, champion: { version: 3, f1: 0.595 } },
      { kind: 'below_champion', challengerF1: 0.6, championVersion: 3, championF1: 0.595, margin: 0.01 },
    ],
    [
      { challengerF1: 0.57, champion: { version: 2, f1: undefined } },
      { kind: 'beats_rule_no_champion', challengerF1: 0.57, rule: 'k_of_n', ruleF1: 0.55 },
    ],
    [
      { challengerF1: 0.61, champion: { version: 3, f1: 0.595 } },
      {
        kind: 'beats_champion_and_rule',
        challengerF1: 0.61,
        championVersion: 3,
        championF1: 0.595,
        rule: 'k_of_n',
        ruleF1: 0.55,
      },
    ],
  ] as const)('%j → %j', (inputs, verdict) => {
    expect(decideGate({ ...base, ...inputs }).verdict).toEqual(verdict);
  });
});

describe('champion gate on the ranking and on every rule (issue 14)', () => {
  const champion = { version: 3, f1: 0.58, ndcgAt5: 0.7 };
  it('fails a challenger whose NDCG@5 falls below the champion by more than the tolerance', () => {
    const g = decideGate({
      ...base,
      challengerF1: 0.62,
      champion,
      ndcg: { challengerAt5: 0.68, tolerance: 0.01 },
    });
    expect(g.passed).toBe(false);
    expect(g.reason).toMatch(/NDCG@5 0\.6800 is below champion v3 \(0\.7000\) by more than 0\.01/);
    expect(g.verdict).toEqual({
      kind: 'worse_ranking',
      challengerNdcgAt5: 0.68,
      championVersion: 3,
      championNdcgAt5: 0.7,
      tolerance: 0.01,
    });
    expect(g).toMatchObject({ challengerNdcgAt5: 0.68, championNdcgAt5: 0.7, ndcgTolerance: 0.01 });
  });

  it('passes a challenger whose NDCG@5 is lower only within the tolerance', () => {
    const g = decideGate({
      ...base,
      challengerF1: 0.62,
      champion,
      ndcg: { challengerAt5: 0.695, tolerance: 0.01 },
    });
    expect(g.passed).toBe(true);
  });

  it('stores the full comparison with the decision', () => {
    const comparison = {
      scorers: [
        { name: 'challenger v4', role: 'challenger' as const, metrics: { f1: 0.62, ndcg_at_5: 0.7 } },
        { name: 'k_of_n', role: 'rule' as const, metrics: { f1: 0.55, ndcg_at_5: 0.6 } },
      ],
      bootstrap: { difference: 0.07, low: 0.02, high: 0.11 },
    };
    expect(decideGate({ ...base, challengerF1: 0.62, comparison }).comparison).toEqual(comparison);
  });

  it('a rule that beat the challenger on its test week never lets it pass (v1 vs k_of_n)', () => {
    // Validation preferred last_week, but k_of_n scored higher on the test week than the challenger.
    const toBeat = ruleToBeat({ name: 'last_week', testF1: 0.5 }, [
      { name: 'last_week', testF1: 0.5 },
      { name: 'k_of_n', testF1: 0.58 },
    ]);
    expect(toBeat).toEqual({ name: 'k_of_n', testF1: 0.58 });
    const g = decideGate({
      ...base,
      bestBaseline: toBeat.name,
      bestBaselineF1: toBeat.testF1,
      challengerF1: 0.56,
    });
    expect(g.passed).toBe(false);
    expect(g.reason).toMatch(/does not beat k_of_n/);
  });
});
