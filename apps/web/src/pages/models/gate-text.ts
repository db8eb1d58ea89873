import type { GateRecord } from '../../api/tracking-types.ts';
import type { I18n } from '../../i18n/i18n-context.tsx';

/**
 * The stored gate decision in the reader's words, built from its figures (the stored reason is an
 * English sentence): who beat the version, or whom it beat, on its own test week.
 */
export function gateText(gate: GateRecord, i18n: Pick<I18n, 't' | 'tOr' | 'num'>): string {
  const { t, tOr, num } = i18n;
  const f = (v: number | undefined) => (v === undefined ? '—' : num(v, 4));
  const vars = {
    f1: f(gate.challengerF1),
    rule: gate.bestBaseline ? tOr(`models.rule.${gate.bestBaseline}`, gate.bestBaseline) : '—',
    ruleF1: f(gate.bestBaselineF1),
    margin: f(gate.margin),
    champion: gate.championVersion ?? '—',
    championF1: f(gate.championF1),
  };
  const beatsRule =
    gate.challengerF1 !== undefined &&
    gate.bestBaselineF1 !== undefined &&
    gate.challengerF1 >= gate.bestBaselineF1 + (gate.margin ?? 0);
  if (!gate.passed)
    return beatsRule ? t('models.gateBeatenByChampion', vars) : t('models.gateBeatenByRule', vars);
  return gate.championF1 === undefined
    ? t('models.gatePassedNoChampion', vars)
    : t('models.gatePassedVs', vars);
}
