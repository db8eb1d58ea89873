import { beforeAll, describe, expect, it } from 'vitest';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';

// "What was the margin of the gate?" was answered that there are no prices or margins: "margin"
// was read as a profit margin. Beside the gate, the model or the rules it is an F1 difference the
// pipeline has; a product's margin is still money the platform does not hold.
const server = useWeeklyRunsServer();

beforeAll(async () => {
  await server().weeklyRun('run-rejected', {
    should_retrain: { log: 'retrain: forced by the run parameters' },
    train: {},
    gate: { log: 'F1 0.5812 does not beat champion v1 (0.6088) by 0.005' },
    keep_champion: {},
  });
});

describe('the margin of the gate, the model or the rules', () => {
  it.each([
    ['what was the margin of the gate?', 'pipeline_last_run'],
    ['que margen uso la compuerta', 'pipeline_last_run'],
    // Not tuned on.
    ['por cuanto margen le gano el modelo a la regla?', 'model_performance'],
    ['margin of the model over the rules', 'model_performance'],
  ] as const)('"%s" is read as %s, not as missing money data', async (q, intent) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, money: /precios|prices/.test(r.answer) }).toEqual({
      q,
      intent,
      money: false,
    });
  });
});

describe('guards: a margin of money is still data the platform lacks', () => {
  it.each([['cuanto margen deja el producto 20001'], ['what margin do we make on cans?']])(
    '"%s" says there are no margins',
    async (q) => {
      const r = await server().ask(q);
      expect({ q, intent: r.intent, answered: r.answered }).toEqual({
        q,
        intent: 'unknown',
        answered: false,
      });
    },
  );
});
