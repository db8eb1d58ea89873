import type { Lang } from '../../contract/api.ts';
import type { GateVerdict } from '../../contract/model-decisions.ts';
import { formatNumber, say } from '../format.ts';
import type { RecordedDecision } from './recorded-decisions.ts';

/** A score to the four decimals the gate compares at, in the question's language. */
const f4 = (x: number, lang: Lang) => formatNumber(x, lang, 4);

function verdictWords(v: GateVerdict, lang: Lang): string {
  switch (v.kind) {
    case 'below_champion':
      return say(
        lang,
        `su F1 ${f4(v.challengerF1, lang)} no supera al campeón v${v.championVersion} (${f4(v.championF1, lang)}) por el margen de ${f4(v.margin, lang)}`,
        `its F1 ${f4(v.challengerF1, lang)} does not beat champion v${v.championVersion} (${f4(v.championF1, lang)}) by the margin of ${f4(v.margin, lang)}`,
      );
    case 'below_rule':
      return say(
        lang,
        `su F1 ${f4(v.challengerF1, lang)} no supera a la regla ${v.rule} (${f4(v.ruleF1, lang)}) por el margen de ${f4(v.margin, lang)}`,
        `its F1 ${f4(v.challengerF1, lang)} does not beat the rule ${v.rule} (${f4(v.ruleF1, lang)}) by the margin of ${f4(v.margin, lang)}`,
      );
    case 'worse_ranking':
      return say(
        lang,
        `su NDCG@5 ${f4(v.challengerNdcgAt5, lang)} queda por debajo del campeón v${v.championVersion} (${f4(v.championNdcgAt5, lang)}) en más de ${f4(v.tolerance, lang)}: sus recomendaciones serían peores`,
        `its NDCG@5 ${f4(v.challengerNdcgAt5, lang)} is below champion v${v.championVersion} (${f4(v.championNdcgAt5, lang)}) by more than ${f4(v.tolerance, lang)}: its recommendations would be worse`,
      );
    case 'beats_rule_no_champion':
      return say(
        lang,
        `su F1 ${f4(v.challengerF1, lang)} supera a la regla ${v.rule} (${f4(v.ruleF1, lang)}) y no había un campeón comparable`,
        `its F1 ${f4(v.challengerF1, lang)} beats the rule ${v.rule} (${f4(v.ruleF1, lang)}) and there was no comparable champion`,
      );
    case 'beats_champion_and_rule':
      return say(
        lang,
        `su F1 ${f4(v.challengerF1, lang)} supera al campeón v${v.championVersion} (${f4(v.championF1, lang)}) y a la regla ${v.rule} (${f4(v.ruleF1, lang)})`,
        `its F1 ${f4(v.challengerF1, lang)} beats champion v${v.championVersion} (${f4(v.championF1, lang)}) and the rule ${v.rule} (${f4(v.ruleF1, lang)})`,
      );
  }
}

/**
 * Why the gate promoted or rejected a challenger, in the question's language; undefined for a
 * decision with no verdict (an old log line in no known form), which the caller quotes.
 *
 * @example
 * gateWords({ reason: '…', verdict: { kind: 'beats_rule_no_champion', challengerF1: 0.6223, rule: 'recent_frequency', ruleF1: 0.5966 } }, 'es');
 * // 'su F1 0,6223 supera a la regla recent_frequency (0,5966) y no había un campeón comparable'
 */
export function gateWords(decision: RecordedDecision<GateVerdict>, lang: Lang): string | undefined {
  return decision.verdict ? verdictWords(decision.verdict, lang) : undefined;
}
