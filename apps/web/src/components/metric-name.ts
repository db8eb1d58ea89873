import type { MessageKey } from '../i18n/dictionary.ts';

type Translate = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => string;
type TranslateOr = (
  key: string,
  fallback: string,
  vars?: Readonly<Record<string, string | number>>,
) => string;

/**
 * A logged metric's name in words (`test_f1` → "F1 (prueba)"); a rule's F1, logged as
 * `baseline_<rule>_f1`, names the rule as the Models page does; a metric the dictionaries do not
 * know keeps its logged name.
 *
 * @example
 * metricName('baseline_k_of_n_f1', t, tOr); // 'F1 de la regla «compró k de las últimas n semanas»'
 */
export function metricName(key: string, t: Translate, tOr: TranslateOr): string {
  const rule = /^baseline_(.+)_f1$/.exec(key)?.[1];
  if (rule !== undefined) return t('models.metric.baselineF1', { rule: tOr(`models.rule.${rule}`, rule) });
  return tOr(`models.metric.${key}`, key);
}
