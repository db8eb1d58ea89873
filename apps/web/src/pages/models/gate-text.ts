import type { GateVerdict } from '@sodai/app/contract';
import type { GateRecord } from '../../api/tracking-types.ts';
import type { I18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/dictionary.ts';

type Kind = GateVerdict['kind'];

/** Every figure any verdict carries; a gate recorded before verdicts were stored may lack some. */
interface Shown {
  readonly kind: Kind;
  readonly challengerF1?: number | undefined;
  readonly rule?: string | undefined;
  readonly ruleF1?: number | undefined;
  readonly margin?: number | undefined;
  readonly championVersion?: number | undefined;
  readonly championF1?: number | undefined;
  readonly challengerNdcgAt5?: number | undefined;
  readonly championNdcgAt5?: number | undefined;
  readonly tolerance?: number | undefined;
}

const MESSAGE: Readonly<Record<Kind, MessageKey>> = {
  below_rule: 'models.gateBeatenByRule',
  below_champion: 'models.gateBeatenByChampion',
  worse_ranking: 'models.gateWorseRanking',
  beats_rule_no_champion: 'models.gatePassedNoChampion',
  beats_champion_and_rule: 'models.gatePassedVs',
};

/**
 * The stored gate decision in the reader's words, from its verdict (the stored reason is an English
 * sentence): who beat the version, or whom it beat, on its own test week.
 */
export function gateText(gate: GateRecord, i18n: Pick<I18n, 't' | 'tOr' | 'num'>): string {
  const { t, tOr, num } = i18n;
  const v: Shown = gate.verdict ?? recordedVerdict(gate);
  const digits = digitsToTell([v.challengerF1, v.ruleF1, v.championF1]);
  const f = (x: number | undefined, d = digits) => (x === undefined ? '—' : num(x, d));
  const exact = (x: number | undefined) => (x === undefined ? '—' : num(x, exactDigits(x)));
  return t(MESSAGE[v.kind], {
    f1: f(v.challengerF1),
    rule: v.rule ? tOr(`models.rule.${v.rule}`, v.rule) : '—',
    ruleF1: f(v.ruleF1),
    margin: exact(v.margin),
    champion: v.championVersion ?? '—',
    championF1: f(v.championF1),
    ndcg: f(v.challengerNdcgAt5, digitsToTell([v.challengerNdcgAt5, v.championNdcgAt5])),
    championNdcg: f(v.championNdcgAt5, digitsToTell([v.challengerNdcgAt5, v.championNdcgAt5])),
    tolerance: exact(v.tolerance),
  });
}

/**
 * The verdict of a gate recorded before verdicts were stored, from the figures stored with it
 * (gates on users' machines predate it). The gate's order: the rule, the champion, the ranking.
 */
function recordedVerdict(g: GateRecord): Shown {
  const figures = {
    challengerF1: g.challengerF1,
    rule: g.bestBaseline,
    ruleF1: g.bestBaselineF1,
    margin: g.margin,
    championVersion: g.championVersion,
    championF1: g.championF1,
    challengerNdcgAt5: g.challengerNdcgAt5,
    championNdcgAt5: g.championNdcgAt5,
    tolerance: g.ndcgTolerance,
  };
  const beats = (other: number | undefined) =>
    g.challengerF1 !== undefined && other !== undefined && g.challengerF1 >= other + (g.margin ?? 0);
  if (g.passed)
    return {
      kind: g.championF1 === undefined ? 'beats_rule_no_champion' : 'beats_champion_and_rule',
      ...figures,
    };
  if (!beats(g.bestBaselineF1)) return { kind: 'below_rule', ...figures };
  const rankingLost = beats(g.championF1) && g.championNdcgAt5 !== undefined;
  return { kind: rankingLost ? 'worse_ranking' : 'below_champion', ...figures };
}

/** Past this many decimals a figure is noise, not a difference the gate decided on. */
const MOST_DIGITS = 6;
/** The three decimals every page shows scores with. */
const SCORE_DIGITS = 3;

/**
 * Decimals that tell the compared scores apart: three, as everywhere else, unless two of them
 * differ only further down — "F1 0.412 beats champion v3 (0.412)" would read as a tie the gate did
 * not see.
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
