import type { Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { formatDay, formatNumber, say } from '../format.ts';
import type { RealizedWeek, RuleWeek } from '../performance-source.ts';
import { table } from './answers.ts';
import { modelPerformanceTool } from './model-performance.ts';
import type { Tool } from './toolbox.ts';

/** How many realized weeks the comparison shows, newest last. */
const WEEKS_SHOWN = 12;

/** Below this F1 difference the week is called a tie (the scores are shown to three decimals). */
const TIE = 0.0005;

/** One realized week: the model against the strongest rule of that same week. */
interface WeekDuel {
  readonly week: string;
  readonly modelVersion: number;
  readonly modelF1: number;
  readonly rule: RuleWeek;
  /** Model F1 minus the rule's: above 0 the model won the week. */
  readonly margin: number;
}

type Winner = 'model' | 'rule' | 'tie';

const winnerOf = (margin: number): Winner => (Math.abs(margin) < TIE ? 'tie' : margin > 0 ? 'model' : 'rule');

const f3 = (x: number, lang: Lang) => formatNumber(x, lang, 3);

/** "+0,012" / "−0.004": a margin keeps its sign, so a losing week reads as one. */
const signed = (x: number, lang: Lang) => `${x >= 0 ? '+' : '−'}${f3(Math.abs(x), lang)}`;

/**
 * The week's strongest rule, in hindsight: the model is held against the best any simple rule did
 * that week, not against the rule the plan chose beforehand (which could only make it look better).
 */
function duelOf(w: RealizedWeek): WeekDuel | undefined {
  const rule = (w.rules ?? []).reduce<RuleWeek | undefined>(
    (best, r) => (!best || r.f1 > best.f1 ? r : best),
    undefined,
  );
  if (!rule) return undefined;
  return { week: w.week, modelVersion: w.modelVersion, modelF1: w.f1, rule, margin: w.f1 - rule.f1 };
}

const WINNER_WORDS: Record<Winner, { es: string; en: string }> = {
  model: { es: 'modelo', en: 'model' },
  rule: { es: 'regla', en: 'rule' },
  tie: { es: 'empate', en: 'tie' },
};

function summary(duels: readonly WeekDuel[], lang: Lang): string {
  const won = duels.filter((d) => winnerOf(d.margin) === 'model').length;
  const mean = duels.reduce((sum, d) => sum + d.margin, 0) / duels.length;
  const last = duels.at(-1)!;
  const lastWords = say(
    lang,
    `La última, la del ${formatDay(last.week, lang)}: modelo v${last.modelVersion} F1 ${f3(last.modelF1, lang)} frente a ${last.rule.name} ${f3(last.rule.f1, lang)}.`,
    `The last one, the week of ${formatDay(last.week, lang)}: model v${last.modelVersion} F1 ${f3(last.modelF1, lang)} against ${last.rule.name} ${f3(last.rule.f1, lang)}.`,
  );
  return say(
    lang,
    `Semana a semana, el modelo le ganó a la mejor regla en ${won} de ${countOf(duels.length, lang, NOUN.week)} ${agree(duels.length, ['medida', 'medidas'])}, con un margen medio de ${signed(mean, lang)} de F1. ${lastWords}`,
    `Week by week, the model beat the best rule in ${won} of ${countOf(duels.length, lang, NOUN.week)} measured, by a mean margin of ${signed(mean, lang)} F1. ${lastWords}`,
  );
}

/**
 * "¿Le gana el modelo a las reglas por semana?", "model vs rules": each realized week, the model's
 * F1 beside the best simple rule's on the same purchases, who won, and the mean margin. Until a
 * week has rule scores, the performance answer (with the held-out week's gain over the best rule)
 * answers instead.
 */
export const modelVsRulesByWeekTool: Tool = async (box, req) => {
  const { lang } = req;
  const weeks = box.performance ? await box.performance.weeks({ limit: WEEKS_SHOWN }) : [];
  const period = req.entities.period;
  const inPeriod = period ? weeks.filter((w) => w.week >= period.from && w.week <= period.to) : weeks;
  const duels = (inPeriod.length > 0 ? inPeriod : weeks).flatMap((w) => duelOf(w) ?? []);
  if (duels.length === 0) return modelPerformanceTool(box, req);
  const mean = duels.reduce((sum, d) => sum + d.margin, 0) / duels.length;
  return {
    text: summary(duels, lang),
    answered: true,
    basedOn: [
      say(
        lang,
        'desempeño real semana a semana del modelo y de cada regla simple',
        'realized performance week by week of the model and of every simple rule',
      ),
    ],
    table: table(
      [
        [say(lang, 'Semana', 'Week'), false],
        [say(lang, 'Versión', 'Version'), true],
        [say(lang, 'F1 modelo', 'Model F1'), true],
        [say(lang, 'Mejor regla', 'Best rule'), false],
        [say(lang, 'F1 regla', 'Rule F1'), true],
        [say(lang, 'Ganó', 'Winner'), false],
        [say(lang, 'Margen', 'Margin'), true],
      ],
      duels.map((d) => [
        formatDay(d.week, lang),
        String(d.modelVersion),
        f3(d.modelF1, lang),
        d.rule.name,
        f3(d.rule.f1, lang),
        WINNER_WORDS[winnerOf(d.margin)][lang],
        signed(d.margin, lang),
      ]),
    ),
    chart: {
      kind: 'line',
      title: say(
        lang,
        'F1 real por semana: modelo y mejor regla',
        'Realized F1 by week: model and best rule',
      ),
      labels: duels.map((d) => d.week),
      series: [
        { name: say(lang, 'Modelo', 'Model'), values: duels.map((d) => d.modelF1) },
        { name: say(lang, 'Mejor regla', 'Best rule'), values: duels.map((d) => d.rule.f1) },
      ],
    },
    data: {
      weeks: duels.map((d) => ({
        week: d.week,
        model_version: d.modelVersion,
        model_f1: d.modelF1,
        best_rule: d.rule.name,
        rule_f1: d.rule.f1,
        winner: winnerOf(d.margin),
        margin: d.margin,
      })),
      model_wins: duels.filter((d) => winnerOf(d.margin) === 'model').length,
      mean_margin: mean,
    },
  };
};
