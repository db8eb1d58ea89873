import type { Recommendation, RecommendResponse } from '../../api/contract.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';

type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;

/**
 * Who ranked one recommended product, in words: the model, the rule that serves while no model has
 * passed the gate (with the rule in words), or popularity among similar shops.
 */
export function sourceLabel(r: Recommendation, t: Translate): string {
  switch (r.source) {
    case 'model':
      return t('recommend.sourceModel');
    case 'rule':
      return t('recommend.sourceRule');
    case 'popular':
      return t('recommend.sourcePopular');
  }
}

/** The same, with the rule spelt out: for the CSV, which has no caption to explain it. */
export function sourceDetail(r: Recommendation, result: RecommendResponse, t: Translate): string {
  const description = result.served_by.rule_description;
  return r.source === 'rule' && description
    ? `${t('recommend.sourceRule')}: ${description}`
    : sourceLabel(r, t);
}

/** The table caption: the model version that ranked, or the rule that stands in for a model. */
export function rankedByCaption(result: RecommendResponse, t: Translate): string {
  const by = result.served_by;
  return by.kind === 'rule'
    ? t('recommend.tableCaptionRule', {
        customer: result.customer_id,
        rule: by.rule_description ?? by.rule ?? '',
      })
    : t('recommend.tableCaption', { customer: result.customer_id, version: result.model_version });
}

/** How the non-popular rows are ordered: by the model's probability or by the rule's. */
export function orderNote(result: RecommendResponse, t: Translate): string {
  if (result.cold_start) return t('recommend.coldStart');
  return result.served_by.kind === 'rule' ? t('recommend.warmRule') : t('recommend.warm');
}
