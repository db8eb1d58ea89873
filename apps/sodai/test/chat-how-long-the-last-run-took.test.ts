import { beforeAll, describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "¿Cuánto tardó la última corrida?" got the run's start and state but not how long it took,
// though the run store has when it started and finished. The run's answer now says it.
const server = useWeeklyRunsServer();

beforeAll(async () => {
  await server().weeklyRun('run-last', { should_retrain: {}, skip_training: {} });
});

describe('how long the last run took', () => {
  it.each([
    ['cuanto tardo la ultima corrida', 'es'],
    ['how long did the last weekly run take?', 'en'],
    // Not tuned on.
    ['cuanto demoro el pipeline', 'es'],
    ['duration of the last run', 'en'],
  ] as const)('"%s" says how long the run took', async (q, lang) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'pipeline_last_run', lang);
    expect(r.answer).toMatch(lang === 'es' ? /terminó bien \(duró \d+ s\)\./ : /succeeded \(took \d+ s\)\./);
  });
});

describe('guards', () => {
  it('the next run is still the next run, with no duration', async () => {
    const r = await server().ask('¿cuándo es la próxima corrida?');
    expect({ intent: r.intent, took: /duró/.test(r.answer) }).toEqual({
      intent: 'pipeline_next_run',
      took: false,
    });
  });
});
