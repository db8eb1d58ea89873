import type { Lang } from '../contract/api.ts';
import { describeRule } from '../scoring/scoring-engine.ts';
import type { ServingModel } from '../scoring/serving-model.ts';

/** What answers, as an answer names it: "modelo v3", or "la regla «comprado en …»" while a rule serves. */
export function scorerLabel(model: ServingModel, lang: Lang): string {
  const by = model.servedBy;
  if (by.kind === 'model') return lang === 'es' ? `modelo v${by.version}` : `model v${by.version}`;
  const rule = describeRule(by.rule, lang);
  return lang === 'es' ? `la regla «${rule}»` : `the rule "${rule}"`;
}

/** The sentence that says why a rule answers instead of a model (empty while a model serves). */
export function ruleServingNote(model: ServingModel, lang: Lang): string {
  if (model.servedBy.kind === 'model') return '';
  return lang === 'es'
    ? `Todavía ningún modelo ha superado la comprobación automática frente a las reglas simples, así que las predicciones vienen de ${scorerLabel(model, lang)}.`
    : `No model has passed the automatic check against the simple rules yet, so predictions come from ${scorerLabel(model, lang)}.`;
}

/** The label at the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
