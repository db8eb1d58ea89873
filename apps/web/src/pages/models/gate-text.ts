import type { GateRecord } from '../../api/tracking-types.ts';
import type { I18n } from '../../i18n/i18n-context.tsx';

/**
 * The stored gate decision in the reader's words, built from its figures (the stored reason is an
 * English sentence): who beat the version, or whom it beat, on its own test week.
 */
export function gateText(gate: GateRecord, i18n: Pick<I18n, 't' | 'tOr' | 'num'>): string {
  const { t, tOr, num } = i18n;
  const digits = digitsToTell([gate.challengerF1, gate.bestBaselineF1, gate.championF1]);
  const f = (v: number | undefined) => (v === undefined ? '—' : num(v, digits));
  const vars = {
    f1: f(gate.challengerF1),
    rule: gate.bestBaseline ? tOr(`models.rule.${gate.bestBaseline}`, gate.bestBaseline) : '—',
    ruleF1: f(gate.bestBaselineF1),
    margin: gate.margin === undefined ? '—' : num(gate.margin, exactDigits(gate.margin)),
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

/** Past this many decimals a figure is noise, not a difference the gate decided on. */
const MOST_DIGITS = 6;
/** The three decimals every page shows scores with. */
const SCORE_DIGITS = 3;

/**
 * Decimals that tell the compared F1s apart: three, as everywhere else, unless two of them differ
 * only further down — "F1 0.412 beats champion v3 (0.412)" would read as a tie the gate did not see.
 */
function digitsToTell(values: readonly (number | undefined)[]): number {
  const distinct = [...new Set(values.filter((v): v is number => v !== undefined))];
  for (let d = SCORE_DIGITS; d < MOST_DIGITS; d++)
    if (new Set(distinct.map((v) => v.toFixed(d))).size === distinct.length) return d;
  return MOST_DIGITS;
}

/** Decimals that state a margin exactly (0.0025 is not 0.003), three at least like the F1s beside it. */
function exactDigits(value: number): number {
  for (let d = SCORE_DIGITS; d < MOST_DIGITS; d++) if (Number(value.toFixed(d)) === value) return d;
  return MOST_DIGITS;
}
