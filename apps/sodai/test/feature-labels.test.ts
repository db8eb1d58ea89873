import { describe, expect, it } from 'vitest';
import { FEATURES } from '../src/contract/feature-vector.ts';

describe('feature labels', () => {
  it('say the one-week window as "the last week", not "the last 1 week" (Drift and Predict show them)', () => {
    const week = FEATURES.find((f) => f.name === 'pair_weeks_1')!;
    expect(week.label).toEqual({
      en: 'weeks with a purchase of this product in the last week',
      es: 'semanas con compra de este producto en la última semana',
    });
    expect(FEATURES.find((f) => f.name === 'pair_weeks_4')!.label.es).toBe(
      'semanas con compra de este producto en las últimas 4 semanas',
    );
    for (const f of FEATURES)
      expect(`${f.label.en} ${f.label.es}`).not.toMatch(/\b1 weeks?\b|\b1 semanas?\b/);
  });
});
