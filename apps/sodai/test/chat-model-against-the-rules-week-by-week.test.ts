import { beforeAll, describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs, tableColumn } from './chat-replies.ts';

// "¿El modelo le gana a las reglas por semana?", "model vs rules per week" got one week's F1 of the
// model with no rule beside it. They now get every realized week: the model's F1 beside the best
// simple rule's on the same week, who won, and the mean margin; questions about how good the model
// is, without the rules, keep the model's own weeks.
const server = useChatServer();

/** Three realized weeks: the model wins two, the strongest rule (not always the same one) the third. */
const WEEKS = [
  { week: '2024-04-22', model: 0.41, rules: { recent_frequency: 0.38, k_of_n: 0.36 } },
  { week: '2024-04-29', model: 0.4, rules: { recent_frequency: 0.39, k_of_n: 0.43 } },
  { week: '2024-05-06', model: 0.45, rules: { recent_frequency: 0.4, k_of_n: 0.41 } },
];
// (0.03 − 0.03 + 0.04) / 3
const MEAN_MARGIN = 0.04 / 3;

beforeAll(async () => {
  const records = server().fx.store.shared.catalog.monitor;
  const row = (week: string, version: number, scorer: string, value: number) => ({
    week,
    version,
    scorer,
    metric: 'f1',
    value,
    daysObserved: 7,
  });
  for (const w of WEEKS)
    await records.replaceRealizedWeek(w.week, [
      row(w.week, 1, 'model', w.model),
      ...Object.entries(w.rules).map(([name, f1]) => row(w.week, 0, `rule:${name}`, f1)),
    ]);
});

interface DuelData {
  readonly weeks?: readonly { readonly week: string; readonly best_rule: string; readonly winner: string }[];
  readonly model_wins?: number;
  readonly mean_margin?: number;
}

describe('the model against the best rule, week by week', () => {
  it.each([
    ['el modelo le gana a las reglas por semana?', 'es'],
    ['model vs rules per week', 'en'],
    ['semana a semana el modelo vs la regla', 'es'],
    // Not tuned on.
    ['el modelo supera a las reglas simples cada semana?', 'es'],
    ['q tal el modelo contra el baseline semana x semana', 'es'],
    ['does the model beat the rules every week?', 'en'],
    ['weekly model vs baseline comparison', 'en'],
  ] as const)('"%s" gives every realized week, its winner and the mean margin', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'model_performance', lang);
    const d = r.data as DuelData;
    expect({ q, weeks: d.weeks?.map((w) => [w.week, w.best_rule, w.winner]), wins: d.model_wins }).toEqual({
      q,
      weeks: [
        ['2024-04-22', 'recent_frequency', 'model'],
        ['2024-04-29', 'k_of_n', 'rule'],
        ['2024-05-06', 'k_of_n', 'model'],
      ],
      wins: 2,
    });
    expect(d.mean_margin).toBeCloseTo(MEAN_MARGIN, 6);
    expect(tableColumn(r, 5)).toEqual(
      lang === 'es' ? ['modelo', 'regla', 'modelo'] : ['model', 'rule', 'model'],
    );
    expect(r.answer).toMatch(
      lang === 'es'
        ? /le ganó a la mejor regla en 2 de 3 semanas medidas, con un margen medio de \+0,013 de F1/
        : /beat the best rule in 2 of 3 weeks measured, by a mean margin of \+0\.013 F1/,
    );
  });
});

describe('guards: how good the model is, without the rules, keeps its own weeks', () => {
  it.each([
    ['que tan bueno es el modelo', 'es'],
    ['how good is the model?', 'en'],
    ['que f1 tuvo el modelo la ultima semana', 'es'],
  ] as const)('"%s" is the model\'s performance, with no rule in it', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'model_performance', lang);
    expect({ q, duel: (r.data as DuelData).weeks }).toEqual({ q, duel: undefined });
  });

  it.each([['¿qué reglas usa el modelo?'], ['which rules does the alert use?']])(
    '"%s" is no comparison',
    async (q) => {
      const r = await server().ask(q);
      expect({ q, duel: (r.data as DuelData).weeks }).toEqual({ q, duel: undefined });
    },
  );
});
