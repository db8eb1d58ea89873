import type { ChatTable, Lang } from '../../contract/api.ts';
import { FEATURES } from '../../contract/feature-vector.ts';
import type { DriftSummary, MovedFeature } from '../drift-source.ts';
import { formatNumber, formatPercent, say } from '../format.ts';
import { table } from './answers.ts';

/** How many moved features the sentence names (the table has them all, up to a dozen). */
const NAMED = 5;
const TABLE_ROWS = 12;

/** What a feature measures, in the reader's language ("días desde el último pedido ÷ …"). */
const labelOf = (name: string, lang: Lang) => FEATURES.find((f) => f.name === name)?.label[lang];

/** "cust_due_ratio — días desde … (wasserstein 0,46 > 0,412)". */
function movedWords(f: MovedFeature, lang: Lang): string {
  const label = labelOf(f.name, lang);
  const how =
    f.statistic !== undefined && f.threshold !== undefined
      ? ` (${f.method ?? say(lang, 'cambio', 'change')} ${formatNumber(f.statistic, lang, 3)} > ${formatNumber(f.threshold, lang, 3)})`
      : '';
  return `${f.name}${label ? ` — ${label}` : ''}${how}`;
}

/** The first moved features in words, and how many more: "a (…); b (…) y 3 más". */
function namedMoved(moved: readonly MovedFeature[], lang: Lang): string {
  const first = moved
    .slice(0, NAMED)
    .map((f) => movedWords(f, lang))
    .join('; ');
  const rest = moved.length - NAMED;
  return rest > 0 ? first + say(lang, ` y ${rest} más`, ` and ${rest} more`) : first;
}

/**
 * What moved in the data, as the drift check measured it: the features past their thresholds, what
 * each measures and how far it moved. A week with a few moved features and no drift says both, so
 * "No drift" is not followed by a list that reads as drift.
 */
export function driftChangesSentence(latest: DriftSummary, lang: Lang): string {
  const moved = latest.moved;
  const checked = latest.featuresChecked;
  const of = checked > 0 ? say(lang, ` de ${checked}`, ` of ${checked}`) : '';
  if (moved.length === 0)
    return checked > 0
      ? say(
          lang,
          ` Ninguna de las ${checked} variables se movió más allá de su umbral.`,
          ` None of the ${checked} features moved past its threshold.`,
        )
      : '';
  const named = namedMoved(moved, lang);
  const count = formatNumber(moved.length, lang);
  if (latest.drifted)
    return say(
      lang,
      ` Variables que se movieron más allá de su umbral (${count}${of}): ${named}.`,
      ` Features that moved past their thresholds (${count}${of}): ${named}.`,
    );
  const needed =
    latest.shareThreshold !== undefined
      ? say(
          lang,
          `, menos del ${formatPercent(latest.shareThreshold, lang)} que hace falta para hablar de drift`,
          `, fewer than the ${formatPercent(latest.shareThreshold, lang)} it takes to call it drift`,
        )
      : '';
  return say(
    lang,
    ` Aun así, ${count}${of} ${moved.length === 1 ? 'variable se movió' : 'variables se movieron'} más allá de su umbral${needed}: ${named}.`,
    ` Still, ${count}${of} ${moved.length === 1 ? 'feature' : 'features'} moved past ${moved.length === 1 ? 'its threshold' : 'their thresholds'}${needed}: ${named}.`,
  );
}

/** The moved features as a table: name, what it measures, how far it moved and how far it may. */
export function driftChangesTable(latest: DriftSummary, lang: Lang): ChatTable | undefined {
  if (latest.moved.length === 0) return undefined;
  return table(
    [
      [say(lang, 'Variable', 'Feature'), false],
      [say(lang, 'Qué mide', 'What it measures'), false],
      [say(lang, 'Cambio', 'Change'), true],
      [say(lang, 'Umbral', 'Threshold'), true],
    ],
    latest.moved
      .slice(0, TABLE_ROWS)
      .map((f) => [
        f.name,
        labelOf(f.name, lang) ?? '—',
        f.statistic !== undefined ? formatNumber(f.statistic, lang, 3) : '—',
        f.threshold !== undefined ? formatNumber(f.threshold, lang, 3) : '—',
      ]),
  );
}

/**
 * "¿Qué cambió en los datos?": what moved, opening the answer, then whether it adds up to drift (a
 * yes or no would answer another question).
 */
export function whatChangedSentence(latest: DriftSummary, week: string, lang: Lang): string {
  const against =
    latest.championVersion !== null
      ? say(
          lang,
          ` frente a la referencia del modelo v${latest.championVersion}`,
          ` against model v${latest.championVersion}'s reference`,
        )
      : '';
  const moved = latest.moved;
  const checked = latest.featuresChecked;
  const of = checked > 0 ? say(lang, ` de ${checked}`, ` of ${checked}`) : '';
  const named = namedMoved(moved, lang);
  const what =
    moved.length === 0
      ? say(
          lang,
          `En la semana del ${week}${against}, ninguna${of} variable se movió más allá de su umbral.`,
          `In the week of ${week}${against}, none${of} features moved past its threshold.`,
        )
      : say(
          lang,
          `En la semana del ${week}${against}, ${formatNumber(moved.length, lang)}${of} ${moved.length === 1 ? 'variable se movió' : 'variables se movieron'} más allá de su umbral: ${named}.`,
          `In the week of ${week}${against}, ${formatNumber(moved.length, lang)}${of} ${moved.length === 1 ? 'feature' : 'features'} moved past ${moved.length === 1 ? 'its threshold' : 'their thresholds'}: ${named}.`,
        );
  const share =
    latest.shareThreshold !== undefined
      ? say(
          lang,
          ` (hace falta que se mueva el ${formatPercent(latest.shareThreshold, lang)} de las variables)`,
          ` (it takes ${formatPercent(latest.shareThreshold, lang)} of the features moving)`,
        )
      : '';
  const verdict = latest.drifted
    ? say(lang, ' En conjunto es drift.', ' Taken together, that is drift.')
    : moved.length > 0
      ? say(lang, ` En conjunto no llega a ser drift${share}.`, ` Taken together, it is no drift${share}.`)
      : '';
  return `${what}${verdict}`;
}
