import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "¿Por qué se saltó el entrenamiento?" was read as a "why" about a customer's advice ("¿de qué
// cliente?"). Training skipped, or not done, is the weekly run's decision: it now gets the retrain
// answer with the reason the should_retrain branch logged, in the question's language.
const server = useWeeklyRunsServer();

beforeAll(async () => {
  await server().weeklyRun('run-kept', {
    should_retrain: { log: 'keep the champion: no drift and the champion is 1.0 weeks of data old' },
    skip_training: {},
  });
});

describe('why training was skipped', () => {
  it.each([
    ['por que se salto el entrenamiento', 'es'],
    ['why was training skipped this week?', 'en'],
    // Not tuned on.
    ['xq no se entreno el modelo', 'es'],
    ['el entrenamiento se salto?', 'es'],
    ["why didn't the model train?", 'en'],
    ['why did the run skip training', 'en'],
  ] as const)('"%s" says the last run did not retrain, and why', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect({ q, retrained: (r.data as { retrained?: boolean }).retrained }).toEqual({ q, retrained: false });
    expect(r.answer).toMatch(
      lang === 'es'
        ? /no reentrenó.*no hubo deriva de datos y el campeón tiene solo 1 semana de datos/
        : /did not retrain.*there was no data drift and the champion is only 1 week of data old/,
    );
  });
});

describe('guards: questions about training that keep their meaning', () => {
  it.each([
    ['¿con qué datos se entrenó el modelo?', 'model_info'],
    ['when was the model trained?', 'model_info'],
    ['¿cuándo es la próxima corrida?', 'pipeline_next_run'],
    ['¿por qué le recomiendas el 20230 al cliente 100001?', 'explain_recommendation'],
  ] as const)('"%s" stays %s', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent }).toEqual({ q, intent });
  });
});
