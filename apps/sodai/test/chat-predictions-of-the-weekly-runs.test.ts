import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/store/duckdb.ts';
import { expectAnsweredAs } from './chat-replies.ts';
import { chatNumber, daysAfter } from './chat-server.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "¿Cuántas predicciones hizo la última corrida?" got the run's tasks and no count, and "¿qué
// modelo predijo la semana del 16 de diciembre?" today's champion, whatever served that week. Both
// are now read from what each run's predict task wrote (the week it predicted, the model version,
// the pairs scored and the purchases predicted): the last run that predicted, or the one that
// predicted the week named. Checked against the outputs recorded in the run store.
const server = useWeeklyRunsServer();

interface Predicted {
  readonly cutoff: string;
  readonly modelVersion: number;
  readonly scorer: string;
  readonly scored: number;
  readonly predicted: number;
}

/** The weeks the runs predicted, oldest first: the week after the data and the two before it. */
const outputs: Predicted[] = [];

beforeAll(async () => {
  const [last] = await queryRows(
    server().fx.store.connection,
    'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
  );
  const next = daysAfter(String(last!.d), 1);
  const versions = [2, 3, 5];
  for (const [i, week] of [daysAfter(next, -14), daysAfter(next, -7), next].entries()) {
    const output = {
      cutoff: week,
      modelVersion: versions[i]!,
      scorer: `xgboost v${versions[i]!}`,
      scored: 40_000 + 1234 * i,
      predicted: 3000 + 111 * i,
    };
    outputs.push(output);
    await server().weeklyRun(`run-${i}`, { ingest: {}, predict: { output } });
  }
  // The newest run failed before predicting: it made no predictions.
  await server().weeklyRun('run-no-predict', { ingest: {} });
}, 120_000);

interface RunData {
  readonly run_id?: string;
  readonly week?: string | null;
  readonly model_version?: number | null;
  readonly predicted?: number;
}

/** A week's first day as people write it: "16 de diciembre", "December 16". */
function spokenDay(iso: string, lang: 'es' | 'en'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return lang === 'es'
    ? new Intl.DateTimeFormat('es-ES', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d)
    : new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(d);
}

describe('how many predictions the last run made', () => {
  it.each([
    ['cuántas predicciones hizo la última corrida', 'es'],
    ['how many predictions did the last weekly run make', 'en'],
    // Not tuned on.
    ['cuantas prediciones saco el ultimo proceso', 'es'],
    ['numero de predicciones de la ultima ejecucion', 'es'],
    ['how many did the latest run predict?', 'en'],
    ['number of predictions in the last run', 'en'],
  ] as const)('"%s": the last run that predicted, its count and its week', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    const latest = outputs.at(-1)!;
    const d = r.data as RunData;
    expect({ q, run: d.run_id, week: d.week, predicted: d.predicted }).toEqual({
      q,
      run: 'run-2',
      week: latest.cutoff,
      predicted: latest.predicted,
    });
    expect(r.answer).toContain(chatNumber(latest.predicted, lang));
    expect(r.answer).toContain(chatNumber(latest.scored, lang));
  });
});

describe('which model predicted a week', () => {
  it.each([
    ['¿qué modelo predijo la semana del {es}?', 'es', 0],
    ['which model version served the week of {en}', 'en', 1],
    // Not tuned on.
    ['con que version se hicieron las predicciones de la semana del {es}', 'es', 1],
    ['q version del modelo se uso la semana del {iso}', 'es', 2],
    ['what model predicted the week of {en}?', 'en', 0],
    ['which model was used for the week of {iso}', 'en', 2],
  ] as const)('"%s": the run that predicted it and its model version', async (q, lang, i) => {
    const week = outputs[i]!.cutoff;
    const asked = q
      .replace('{es}', spokenDay(week, 'es'))
      .replace('{en}', spokenDay(week, 'en'))
      .replace('{iso}', week);
    const r = await server().ask(asked);
    expectAnsweredAs(asked, r, 'model_info', lang);
    const d = r.data as RunData;
    expect({ asked, run: d.run_id, week: d.week, version: d.model_version }).toEqual({
      asked,
      run: `run-${i}`,
      week,
      version: outputs[i]!.modelVersion,
    });
    expect(r.answer).toContain(`v${outputs[i]!.modelVersion}`);
  });

  it('a week no run predicted is said to be none of them, with the weeks they did', async () => {
    const before = daysAfter(outputs[0]!.cutoff, -28);
    const r = await server().ask(`which model predicted the week of ${before}`);
    expectAnsweredAs(`which model predicted the week of ${before}`, r, 'model_info', 'en');
    expect((r.data as RunData).week).toBeNull();
    expect(r.answer).toMatch(/^None of the recent runs predicted the week of /);
  });
});

describe('guards: the champion, the model’s quality and the run itself keep their answers', () => {
  it.each([
    ['que modelo esta en produccion', 'model_info'],
    ['which model is the champion?', 'model_info'],
    ['cuantas predicciones acerto el modelo la semana pasada', 'model_performance'],
    ['how did the last weekly run go', 'pipeline_last_run'],
  ] as const)('"%s"', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, predictionRun: (r.data as RunData).predicted }).toEqual({
      q,
      intent,
      predictionRun: undefined,
    });
  });

  it.each([
    'cuantos clientes predice el modelo que compraran la proxima semana',
    'how many customers does the model predict will buy next week',
  ])('"%s" counts customers the model expects, not a run’s predictions', async (q) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, predicted: (r.data as RunData).predicted }).not.toEqual({
      q,
      intent: 'pipeline_last_run',
      predicted: outputs.at(-1)!.predicted,
    });
  });
});
