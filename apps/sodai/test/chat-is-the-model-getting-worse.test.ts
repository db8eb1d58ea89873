import { beforeAll, describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';
import { expectAnsweredAs } from './chat-replies.ts';

// "¿El modelo empeoró respecto a la semana pasada?" and "is the model getting worse?" got the model's
// card (version, dates, test F1). They ask how it does week after week: the realized weeks answer.
// "¿La regla superó al modelo alguna semana?" and "which rule was the best last week?" (the rules
// named before the comparison, or "best" said of a rule) get the model against the rules.
const server = useChatServer();

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
  await records.replaceRealizedWeek('2024-04-29', [
    row('2024-04-29', 1, 'model', 0.44),
    row('2024-04-29', 0, 'rule:k_of_n', 0.4),
  ]);
  await records.replaceRealizedWeek('2024-05-06', [
    row('2024-05-06', 1, 'model', 0.39),
    row('2024-05-06', 0, 'rule:k_of_n', 0.41),
  ]);
});

describe('whether the model is getting worse', () => {
  it.each([
    ['el modelo empeoro respecto a la semana pasada?', 'es'],
    ['is the model getting worse?', 'en'],
    // Not tuned on.
    ['se esta degradando el modelo', 'es'],
    ['did the model get better this week?', 'en'],
  ] as const)('"%s" gets the realized weeks', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'model_performance', lang);
    const realized = (r.data as { realized?: readonly { week: string }[] }).realized;
    expect({ q, weeks: realized?.map((w) => w.week) }).toEqual({ q, weeks: ['2024-04-29', '2024-05-06'] });
  });
});

describe('the rules named first, or the best of them', () => {
  it.each([
    ['la regla supero al modelo alguna semana?', 'es'],
    ['which rule was the best last week?', 'en'],
    // Not tuned on.
    ['que reglas compiten con el modelo', 'es'],
    ['did the rules ever beat the model?', 'en'],
  ] as const)('"%s" gets the model against the rules, week by week', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'model_performance', lang);
    expect({ q, wins: (r.data as { model_wins?: number }).model_wins }).toEqual({ q, wins: 1 });
  });
});

describe('guards', () => {
  it.each([
    ['what were the best selling products last week?', 'top_products'],
    ['¿qué productos empeoraron sus ventas?', 'sales_trend'],
    ['which model is serving?', 'model_info'],
  ] as const)('"%s" stays %s', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent }).toEqual({ q, intent });
  });
});
