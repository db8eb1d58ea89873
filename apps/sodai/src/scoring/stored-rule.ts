import { storedRuleOf, type StoredRule } from '../model/rule-rates.ts';
import type { Catalog } from '../store/catalog/catalog.ts';

/** The newest week a rule predicted, as its predict commit describes it. */
export interface RulePredictions {
  readonly cutoff: string;
  readonly rule: StoredRule;
  /** The commit's snapshot id: a new rule run of any week changes it. */
  readonly key: string;
}

/**
 * The newest `predictions` commit made by the rule that predicts while no model has passed the gate
 * (version 0); undefined when no rule has predicted, or a model predicted since.
 *
 * @example
 * const latest = await latestRulePredictions(store.shared.catalog);
 */
export async function latestRulePredictions(catalog: Catalog): Promise<RulePredictions | undefined> {
  const [newest] = await catalog.history('predictions', 1);
  if (!newest || newest.summary.modelVersion !== 0 || typeof newest.summary.cutoff !== 'string') {
    return undefined;
  }
  const rule = storedRuleOf(newest.summary);
  return rule ? { cutoff: newest.summary.cutoff, rule, key: newest.id } : undefined;
}
