import { describe, expect, it } from 'vitest';
import { decideRetrain, type RetrainFacts } from '../src/model/retrain-policy.ts';

const champion = { version: 1, compatible: true, trainedFor: '2024-11-04' };
const drifted = { drifted: true, reason: 'line_product drifted' };

const facts = (overrides: Partial<RetrainFacts>): RetrainFacts => ({
  mode: 'auto',
  cutoff: '2024-11-11',
  maxAgeWeeks: 4,
  retrainOnDrift: true,
  champion,
  ...overrides,
});

describe('the retrain policy', () => {
  it('retrains on a drift verdict by default', () => {
    expect(decideRetrain(facts({ drift: drifted }))).toEqual({
      retrain: true,
      reason: 'drift: line_product drifted',
      verdict: { kind: 'drift', detail: 'line_product drifted' },
    });
  });

  it('with retrainOnDrift off, keeps a young champion through drift and says why', () => {
    const decision = decideRetrain(facts({ drift: drifted, retrainOnDrift: false }));
    expect(decision.retrain).toBe(false);
    expect(decision.reason).toBe(
      'drift (model.retrainOnDrift is off) and the champion is 1.0 weeks of data old',
    );
    // The figures it decided on, for readers that word it in their own language.
    expect(decision.verdict).toEqual({
      kind: 'fresh_champion',
      championVersion: 1,
      ageWeeks: 1,
      maxAgeWeeks: 4,
      driftIgnored: true,
    });
  });

  it('with retrainOnDrift off, still retrains an old, a missing or an incompatible champion', () => {
    const off = { drift: drifted, retrainOnDrift: false };
    const old = decideRetrain(facts({ ...off, cutoff: '2024-12-02' }));
    expect(old.reason).toBe('the champion is 4.0 weeks of data old (limit 4)');
    expect(old.verdict).toEqual({ kind: 'stale_champion', championVersion: 1, ageWeeks: 4, maxAgeWeeks: 4 });
    const { champion: _champion, ...noChampion } = facts(off);
    expect(decideRetrain(noChampion)).toEqual({
      retrain: true,
      reason: 'there is no champion yet',
      verdict: { kind: 'no_champion' },
    });
    expect(decideRetrain(facts({ ...off, champion: { ...champion, compatible: false } }))).toMatchObject({
      retrain: true,
      verdict: { kind: 'incompatible_champion', championVersion: 1 },
    });
  });
});
