import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';
import { runsWhen } from '../src/chat/tools/runs-in-a-period.ts';

// "¿Cuántas veces se reentrenó el modelo?" got the last run's decision alone: whether that one run
// retrained. How often is now counted over the weekly runs of the time asked, with what became of
// each new model.
const server = useWeeklyRunsServer();

interface CountData {
  readonly weekly_runs?: number;
  readonly retrained?: number;
  readonly promoted?: number;
  readonly refused_by_gate?: number;
}

beforeAll(async () => {
  const s = server();
  // Retrained and promoted; kept the champion without training; retrained and refused; kept again.
  await s.weeklyRun('run-a', {
    should_retrain: { log: 'retrain: no champion yet' },
    train: {},
    gate: {},
    promote: { output: { version: 2 } },
  });
  await s.weeklyRun('run-b', { should_retrain: { log: 'keep the champion: fresh' }, skip_training: {} });
  await s.weeklyRun('run-c', {
    should_retrain: { log: 'retrain: the data drifted' },
    train: {},
    gate: {},
    keep_champion: { output: { kept: true } },
  });
  await s.weeklyRun('run-d', { should_retrain: { log: 'keep the champion: fresh' }, skip_training: {} });
});

describe('how often the model was retrained', () => {
  it.each([
    ['¿cuántas veces se reentrenó el modelo este mes?', 'es'],
    ['how many times was the model retrained?', 'en'],
    // Not tuned on.
    ['cuantas veces se entreno el modelo', 'es'],
    ['how often does the model retrain', 'en'],
    ['numero de reentrenamientos este mes', 'es'],
  ] as const)('"%s" counts the runs that trained and what became of each model', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect(r.data as CountData).toMatchObject({
      weekly_runs: 4,
      retrained: 2,
      promoted: 1,
      refused_by_gate: 1,
    });
    expect(r.answer).toMatch(
      lang === 'es'
        ? /se reentrenó 2 veces en 4 corridas semanales: 1 modelo nuevo pasó a servir \(v2\), 1 fue rechazado por la compuerta/
        : /was retrained 2 times in 4 runs of the weekly pipeline: 1 new model went into service \(v2\), 1 was refused by the gate/,
    );
  });

  it('one run read is "the last one", not "the last 1" (found on the demo, which has one run)', () => {
    expect(runsWhen(undefined, 1, 'es')).toBe('en la última');
    expect(runsWhen(undefined, 1, 'en')).toBe('in the last one');
    expect(runsWhen(undefined, 4, 'es')).toBe('entre las últimas 4');
  });

  it('a time with no weekly run says so', async () => {
    const q = '¿cuántas veces se reentrenó el modelo el año pasado?';
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', 'es');
    expect(r.answer).toMatch(/^No hubo corridas semanales el año pasado/);
  });

  it.each([
    // Whether the last run retrained stays the last run's decision.
    ['¿se reentrenó el modelo?', /^No: la última corrida semanal \(run-d/],
    ['did the last run retrain?', /^No: the last weekly run \(run-d/],
  ])('guard: "%s" keeps its answer', async (q, says) => {
    const r = await server().ask(q);
    expect(r.answer).toMatch(says);
    expect((r.data as CountData).weekly_runs).toBeUndefined();
  });

  it('guard: how many runs failed is still the runs of a time', async () => {
    const r = await server().ask('¿cuántas corridas fallaron este mes?');
    expect(r.answer).toMatch(/no falló ninguna de las 4 corridas/);
  });
});
