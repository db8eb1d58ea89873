import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "¿Qué decidió el gate?" opened with whether the last run retrained, and quoted the gate's English
// reason («F1 0.6223 beats recent_frequency (0.5966)…») to a Spanish question. The gate's decision
// now opens the answer, its reason rebuilt from its figures in the question's language; asked
// whether the model was retrained, the retrain still comes first.
const server = useWeeklyRunsServer();

beforeAll(async () => {
  // A challenger trained and promoted as the first champion…
  await server().weeklyRun('run-promoted', {
    should_retrain: { log: 'retrain: there is no champion yet' },
    train: {},
    gate: { log: 'F1 0.6223 beats recent_frequency (0.5966); no comparable champion' },
    promote: { output: { version: 1 } },
  });
  // … and last week's run kept it without training.
  await server().weeklyRun('run-kept', {
    should_retrain: { log: 'keep the champion: no drift and the champion is 1.0 weeks of data old' },
    skip_training: {},
  });
});

interface GateData {
  readonly gate?: string;
  readonly gate_run_id?: string;
  readonly retrained?: boolean;
}

describe('what the gate decided, first and in the question’s language', () => {
  it.each([
    ['que decidio el gate', 'es'],
    ['what did the gate decide', 'en'],
    // Not tuned on.
    ['y la compuerta q dijo', 'es'],
    ['el challenger fue promovido?', 'es'],
    ['was the challenger promoted?', 'en'],
    ['did the gate promote the new model?', 'en'],
  ] as const)('"%s" opens with the gate promoting v1, and why', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    const d = r.data as GateData;
    expect({ q, gate: d.gate, run: d.gate_run_id }).toEqual({ q, gate: 'promoted', run: 'run-promoted' });
    expect(r.answer).toMatch(
      lang === 'es'
        ? /^La compuerta promovió el modelo nuevo \(v1\) a campeón en la corrida run-promoted .*: su F1 0,6223 supera a la regla recent_frequency \(0,5966\) y no había un campeón comparable\. La última corrida semanal \(run-kept/
        : /^The gate promoted the new model \(v1\) to champion in run run-promoted .*: its F1 0\.6223 beats the rule recent_frequency \(0\.5966\) and there was no comparable champion\. The last weekly run \(run-kept/,
    );
    expect({ q, english: /beats|does not beat/.test(r.answer) && lang === 'es' }).toEqual({
      q,
      english: false,
    });
  });

  it('a rejection says its reason from its figures, in Spanish too', async () => {
    await server().weeklyRun('run-rejected', {
      should_retrain: { log: 'retrain: forced by the run parameters' },
      train: {},
      gate: { log: 'F1 0.5812 does not beat champion v1 (0.6088) by 0.005' },
      keep_champion: {},
    });
    for (const [q, lang] of [
      ['que decidio el gate', 'es'],
      ['what did the gate decide', 'en'],
    ] as const) {
      const r = await server().ask(q);
      expectAnsweredAs(q, r, 'pipeline_last_run', lang);
      expect(r.answer).toMatch(
        lang === 'es'
          ? /^La compuerta rechazó el modelo nuevo y se quedó con el campeón en la corrida run-rejected .*: su F1 0,5812 no supera al campeón v1 \(0,6088\) por el margen de 0,005\./
          : /^The gate rejected the new model and kept the champion in run run-rejected .*: its F1 0\.5812 does not beat champion v1 \(0\.6088\) by the margin of 0\.005\./,
      );
    }
  });
});

describe('guards: asked whether it retrained, the retrain comes first', () => {
  it.each([
    ['se reentreno el modelo?', 'es', /^Sí: la última corrida semanal \(run-rejected/],
    ['was the model retrained and why', 'en', /^Yes: the last weekly run \(run-rejected/],
  ] as const)('"%s" opens with yes or no', async (q, lang, opens) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect(r.answer).toMatch(opens);
  });
});
