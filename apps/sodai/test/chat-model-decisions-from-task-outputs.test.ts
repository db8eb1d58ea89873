import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// The chat rebuilt why the run retrained and why the gate rejected a model by regex over the
// English log lines: any new wording of those lines answered with a quote, or with no reason at
// all. `should_retrain` and `gate` now keep their decision, with its figures, as their task output,
// and the chat words that. A run recorded before (only the log line) still gets its reasons.
const server = useWeeklyRunsServer();

interface DecisionData {
  readonly run_id?: string;
  readonly retrained?: boolean;
  readonly retrain_verdict?: string | null;
  readonly gate?: string;
  readonly gate_verdict?: string | null;
}

/** Log lines in a wording the old regexes never knew: only the task outputs can explain them. */
const NEW_WORDING = {
  retrain: 'decided to train: champion too old',
  gate: 'challenger rejected (ranking)',
  keep: 'decided not to train: champion fresh',
};

describe('a run recorded before the decisions were task outputs: the log line is read', () => {
  beforeAll(async () => {
    await server().weeklyRun('run-old', {
      should_retrain: { log: 'retrain: forced by the run parameters', output: ['train'] },
      train: {},
      gate: { log: 'F1 0.5812 does not beat champion v1 (0.6088) by 0.005', output: ['keep_champion'] },
      keep_champion: { output: { kept: true } },
    });
  });

  it.each([
    [
      '¿por qué no se promovió el modelo?',
      'es',
      /su F1 0,5812 no supera al campeón v1 \(0,6088\) por el margen de 0,005/,
    ],
    [
      "why wasn't the model promoted?",
      'en',
      /its F1 0\.5812 does not beat champion v1 \(0\.6088\) by the margin of 0\.005/,
    ],
    ['¿la última corrida reentrenó?', 'es', /^Sí: .*reentrenó el modelo: se pidió a mano en los parámetros/],
    ['did the last run retrain?', 'en', /^Yes: .*retrained the model: it was forced by the run parameters/],
  ] as const)('"%s"', async (q, lang, says) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect(r.answer).toMatch(says);
    expect((r.data as DecisionData).gate).toBe('kept_champion');
  });
});

describe('a run whose decisions are task outputs: the figures are read, whatever the log says', () => {
  beforeAll(() =>
    server().weeklyRun('run-new', {
      should_retrain: {
        log: NEW_WORDING.retrain,
        output: {
          retrain: true,
          reason: 'some English sentence',
          verdict: { kind: 'stale_champion', championVersion: 2, ageWeeks: 4.5, maxAgeWeeks: 4 },
        },
      },
      train: {},
      gate: {
        log: NEW_WORDING.gate,
        output: {
          passed: false,
          reason: 'some English sentence',
          verdict: {
            kind: 'worse_ranking',
            challengerNdcgAt5: 0.6812,
            championVersion: 2,
            championNdcgAt5: 0.7034,
            tolerance: 0.01,
          },
        },
      },
      keep_champion: { output: { kept: true } },
    }),
  );

  it.each([
    [
      '¿por qué no se promovió el modelo?',
      'es',
      /rechazó el modelo nuevo y se quedó con el campeón.*: su NDCG@5 0,6812 queda por debajo del campeón v2 \(0,7034\) en más de 0,01: sus recomendaciones serían peores/,
    ],
    [
      "why wasn't the model promoted?",
      'en',
      /rejected the new model and kept the champion.*: its NDCG@5 0\.6812 is below champion v2 \(0\.7034\) by more than 0\.01: its recommendations would be worse/,
    ],
    [
      '¿la última corrida reentrenó?',
      'es',
      /^Sí: .*reentrenó el modelo: el campeón v2 ya tenía 4,5 semanas de datos \(el límite es 4\)/,
    ],
    [
      'did the last run retrain?',
      'en',
      /^Yes: .*retrained the model: the champion v2 was 4\.5 weeks of data old \(the limit is 4\)/,
    ],
  ] as const)('"%s"', async (q, lang, says) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect(r.answer).toMatch(says);
    for (const line of Object.values(NEW_WORDING)) expect(r.answer).not.toContain(line);
    if (lang === 'es') expect(r.answer).not.toMatch(/ is below | weeks of data /);
    expect(r.data).toMatchObject({
      run_id: 'run-new',
      retrained: true,
      retrain_verdict: 'stale_champion',
      gate: 'kept_champion',
      gate_verdict: 'worse_ranking',
    });
  });
});

describe('a run that kept the champion, its decision a task output: why training was skipped', () => {
  beforeAll(async () => {
    await server().weeklyRun('run-new-kept', {
      should_retrain: {
        log: NEW_WORDING.keep,
        output: {
          retrain: false,
          reason: 'some English sentence',
          verdict: {
            kind: 'fresh_champion',
            championVersion: 2,
            ageWeeks: 1.5,
            maxAgeWeeks: 4,
            driftIgnored: false,
          },
        },
      },
      skip_training: { output: { skipped: true } },
    });
  });

  it.each([
    [
      'como le fue a la ultima corrida semanal, que tareas corrio',
      'es',
      /se saltaron .*train.*: no se reentrenó porque no hubo deriva de datos y el campeón v2 tiene solo 1,5 semanas de datos/,
    ],
    [
      'how did the last weekly run go, which tasks ran?',
      'en',
      /skipped: .*train.*: no retraining because there was no data drift and the champion v2 is only 1\.5 weeks of data old/,
    ],
  ] as const)('"%s" says why training was skipped', async (q, lang, says) => {
    const r = await server().ask(q);
    expect({ q, lang: r.lang, answered: r.answered }).toEqual({ q, lang, answered: true });
    expect(r.answer).toMatch(says);
    expect(r.answer).not.toContain(NEW_WORDING.keep);
  });
});
