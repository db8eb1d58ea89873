import type { GateVerdict, RetrainVerdict } from '@sodai/app/contract';
import type { TaskInstance } from '../../api/pipeline-types.ts';
import type { GateRecord } from '../../api/tracking-types.ts';
import type { I18n } from '../../i18n/i18n-context.tsx';
import { gateText } from '../models/gate-text.ts';

type Words = Pick<I18n, 't' | 'tOr' | 'num' | 'locale'>;

const RETRAIN_KINDS: readonly RetrainVerdict['kind'][] = [
  'forced',
  'disabled',
  'no_champion',
  'incompatible_champion',
  'drift',
  'stale_champion',
  'fresh_champion',
];
const GATE_KINDS: readonly GateVerdict['kind'][] = [
  'below_rule',
  'below_champion',
  'worse_ranking',
  'beats_rule_no_champion',
  'beats_champion_and_rule',
];

/**
 * The verdict a task stored as its output, when its kind is one the page knows. The output is the
 * server's own JSON (the contract's shape); only the kind is checked, so a run from before verdicts
 * were stored, or from a newer server with a kind this page lacks, shows no decision line.
 */
function verdictOf<K extends string>(output: unknown, kinds: readonly K[]): { kind: K } | undefined {
  if (typeof output !== 'object' || output === null || !('verdict' in output)) return undefined;
  const { verdict } = output;
  if (typeof verdict !== 'object' || verdict === null || !('kind' in verdict)) return undefined;
  return kinds.some((k) => k === verdict.kind) ? (verdict as { kind: K }) : undefined;
}

/** "1 semana", "4,5 semanas": weeks of data to a tenth, as the run counts them. */
function weeks(n: number, { t, num, locale }: Words): string {
  const tenths = Math.round(n * 10) / 10;
  const form = new Intl.PluralRules(locale).select(tenths) === 'one' ? 'one' : 'other';
  return t(`pipeline.weeks.${form}`, { n: num(tenths, Number.isInteger(tenths) ? 0 : 1) });
}

function retrainText(v: RetrainVerdict, words: Words): string {
  const { t } = words;
  switch (v.kind) {
    case 'stale_champion':
      return t('pipeline.decision.stale_champion', {
        age: weeks(v.ageWeeks, words),
        limit: weeks(v.maxAgeWeeks, words),
      });
    case 'fresh_champion':
      return t(
        v.driftIgnored
          ? 'pipeline.decision.fresh_champion_drift_ignored'
          : 'pipeline.decision.fresh_champion',
        {
          age: weeks(v.ageWeeks, words),
          limit: v.maxAgeWeeks === undefined ? '—' : weeks(v.maxAgeWeeks, words),
        },
      );
    default:
      return t(`pipeline.decision.${v.kind}`);
  }
}

/**
 * What a deciding task of the weekly run decided, in the page's language, from the verdict it
 * stored; undefined for any other task, or a run that stored none (its log says it in English).
 */
export function decisionText(task: TaskInstance, words: Words): string | undefined {
  if (task.state !== 'success') return undefined;
  if (task.task_id === 'should_retrain') {
    const v = verdictOf(task.output, RETRAIN_KINDS);
    return v ? retrainText(v as RetrainVerdict, words) : undefined;
  }
  // The gate's output is the decision as gate.json stores it, which the models page words too.
  if (task.task_id === 'gate' && verdictOf(task.output, GATE_KINDS))
    return gateText(task.output as GateRecord, words);
  return undefined;
}
