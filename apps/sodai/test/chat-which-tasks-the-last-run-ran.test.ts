import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "¿Cómo le fue a la última corrida semanal, qué tareas corrió?" said only "Ninguna tarea falló":
// which tasks ran and which were skipped was in the table alone. The text now names both, and why
// training was skipped (the reason the should_retrain branch logged, in the question's language).
const server = useWeeklyRunsServer();

beforeAll(async () => {
  await server().weeklyRun('run-kept', {
    ingest: {},
    validate: {},
    should_retrain: { log: 'keep the champion: no drift and the champion is 1.0 weeks of data old' },
    skip_training: {},
    predict: {},
  });
});

interface RunData {
  readonly run_id?: string;
  readonly ran_tasks?: readonly string[];
  readonly skipped_tasks?: readonly string[];
}

describe('which tasks the last weekly run ran and skipped', () => {
  it.each([
    ['como le fue a la ultima corrida semanal, que tareas corrio', 'es'],
    ['how did the last weekly run go, which tasks ran?', 'en'],
    // Not tuned on.
    ['que tareas se saltaron en la ultima corrida', 'es'],
    ['como termino el pipeline esta semana', 'es'],
    ['did the weekly pipeline skip any task?', 'en'],
    ['last run status', 'en'],
  ] as const)('"%s" names the tasks that ran, those skipped and why training was', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    const d = r.data as RunData;
    expect({ q, run: d.run_id, skipped: d.skipped_tasks }).toEqual({
      q,
      run: 'run-kept',
      skipped: ['train', 'gate', 'promote', 'keep_champion'],
    });
    expect(r.answer).toMatch(
      lang === 'es'
        ? /Corrieron 5 tareas: ingest, validate, should_retrain, skip_training y predict; se saltaron train, gate, promote y keep_champion: no se reentrenó porque no hubo deriva de datos y el campeón tiene solo 1 semana de datos\. Ninguna tarea falló\./
        : /5 tasks ran: ingest, validate, should_retrain, skip_training and predict; skipped: train, gate, promote and keep_champion: no retraining because there was no data drift and the champion is only 1 week of data old\. No task failed\./,
    );
  });
});

describe('guards', () => {
  it('a run that trained says no reason for the tasks it skipped', async () => {
    await server().weeklyRun('run-trained', {
      ingest: {},
      validate: {},
      should_retrain: { log: 'retrain: there is no champion yet' },
      train: {},
      gate: { log: 'F1 0.6223 beats recent_frequency (0.5966); no comparable champion' },
      promote: { output: { version: 1 } },
      predict: {},
    });
    const r = await server().ask('how did the last run go?');
    expectAnsweredAs('how did the last run go?', r, 'pipeline_last_run', 'en');
    expect(r.answer).toMatch(/skipped: keep_champion and skip_training\. No task failed\./);
  });

  it.each([
    ['¿cuándo es la próxima corrida?', 'pipeline_next_run'],
    ['se reentreno el modelo?', 'pipeline_last_run'],
  ] as const)('"%s" stays %s, without the list of tasks', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, ran: (r.data as RunData).ran_tasks }).toEqual({
      q,
      intent,
      ran: undefined,
    });
  });
});
