import type { Lang, ServedBy } from '../contract/api.ts';
import { describeRule } from '../scoring/scoring-engine.ts';
import type { ServingModel } from '../scoring/serving-model.ts';

/** The API's description of what answers (`/ready`, `/api/serving`). */
export function servedByBody(model: ServingModel, lang: Lang): ServedBy {
  const by = model.servedBy;
  if (by.kind === 'model') {
    return { kind: 'model', model_version: by.version, rule: null, rule_description: null, reason: null };
  }
  return {
    kind: 'rule',
    model_version: null,
    rule: by.rule.name,
    rule_description: describeRule(by.rule, lang),
    reason: by.reason,
  };
}
