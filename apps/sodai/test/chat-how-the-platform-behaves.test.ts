import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';
import { useWeeklyRunsServer } from './chat-weekly-runs.ts';
import { quietServer } from './serve-fixture.ts';

// Asked of the real data, "¿cada cuánto se reentrena el modelo?" answered "No hubo corridas
// semanales entre las últimas 0" (it now says there was none yet, and the rule), "what triggers a retrain?" that no run had decided yet, "¿qué pasa
// si los datos dejan de llegar?" was refused ("llegar" was spelt to "llevar"), "¿cuándo me avisan si
// algo falla?" said the pipeline had never run and "¿cuándo pasa a servir un modelo nuevo?" described
// the serving model. Questions about the rules the platform runs by are now answered from its
// configuration: when it retrains, what a new model must beat, what happens when data stop arriving
// or the model gets worse, and which alerts exist.
const server = useChatServer();

interface Reply {
  readonly intent: string;
  readonly answer: string;
  readonly data: {
    readonly topic?: string;
    readonly max_age_weeks?: number;
    readonly retrain_on_drift?: boolean;
    readonly stale_data_days?: number;
  };
}

describe('questions about how the platform behaves', () => {
  it.each([
    ['¿qué hace que se reentrene el modelo?', 'es', 'retrain', /decide cada semana si reentrenar/],
    ['¿qué dispara un reentrenamiento?', 'es', 'retrain', /drift/],
    ['how does it decide whether to retrain?', 'en', 'retrain', /4 weeks of data old/],
    ['what causes the model to retrain?', 'en', 'retrain', /drift check/],
    ['¿cómo se decide si un modelo nuevo entra en servicio?', 'es', 'promotion', /0,002 de F1/],
    ['when does a challenger become the champion?', 'en', 'promotion', /0\.002 F1/],
    ['¿qué pasa si esta semana no llega el archivo?', 'es', 'missing_data', /8 días sin un lote nuevo/],
    ['¿y si los datos dejan de llegar?', 'es', 'missing_data', /datos desactualizados/],
    ['what happens if the data stop arriving?', 'en', 'missing_data', /8 days pass without a new batch/],
    ['what if no new file comes this week?', 'en', 'missing_data', /stale data/],
    ['¿qué pasa si el modelo se equivoca cada vez más?', 'es', 'model_worse', /3 semanas seguidas/],
    ['how would I know if the model is getting worse?', 'en', 'model_worse', /realized F1/],
    ['¿cómo se monitorea el modelo?', 'es', 'model_worse', /F1 real/],
    ['¿cuándo nos avisa el sistema?', 'es', 'alerts', /corrida semanal que falla/],
    ['when do we get alerted?', 'en', 'alerts', /a weekly run that fails/],
    ['how do alerts work?', 'en', 'alerts', /inbox/],
  ])('%s (%s) → the %s rule', async (question, lang, topic, said) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.data.topic).toBe(topic);
    expect(r.answer).toMatch(said);
  });

  it.each([
    ['¿con qué frecuencia se reentrena el modelo?', 'es', /4 semanas de datos/],
    ['how often is the model retrained?', 'en', /4 weeks of data old/],
  ])('%s says the rule where no run can be counted', async (question, lang, said) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.intent).toBe('pipeline_last_run');
    expect(r.answer).toMatch(said);
  });

  it.each([
    ['¿cuándo se reentrenó el modelo?', 'es'],
    ['how many times was the model retrained?', 'en'],
    ['¿hay alertas abiertas?', 'es'],
    ['¿cuándo es la próxima corrida?', 'es'],
    ['what happened to sales last week?', 'en'],
  ])('%s is no question about the rules', async (question, lang) => {
    const r = await server().ask<Reply>(question, lang as 'es' | 'en');
    expect(r.data.topic).toBeUndefined();
  });

  describe('with settings of its own', () => {
    let app: FastifyInstance | undefined;
    beforeAll(async () => {
      const { fx } = server();
      app = await quietServer(fx, {
        config: {
          ...fx.config,
          model: { ...fx.config.model, maxAgeWeeks: 6, retrainOnDrift: false, gateMarginF1: 0.01 },
          alerts: { ...fx.config.alerts, staleDataDays: 3 },
        },
      });
    });
    afterAll(async () => app?.close());
    const ask = async (message: string, lang: 'es' | 'en'): Promise<Reply> =>
      (await app!.inject({ method: 'POST', url: '/chat', payload: { message, lang } })).json();

    it('answers with the configured age, drift switch and gate margin', async () => {
      const r = await ask('¿qué dispara un reentrenamiento?', 'es');
      expect(r.data).toMatchObject({ topic: 'retrain', max_age_weeks: 6, retrain_on_drift: false });
      expect(r.answer).toMatch(/6 semanas de datos/);
      expect(r.answer).toMatch(/no reentrena/);
      expect(r.answer).toMatch(/0,01 de F1/);
      expect(r.answer).not.toMatch(/cuando el chequeo de drift dice/);
    });

    it('answers with the configured days without data', async () => {
      const r = await ask('what happens if a batch is missing?', 'en');
      expect(r.data).toMatchObject({ topic: 'missing_data', stale_data_days: 3 });
      expect(r.answer).toMatch(/3 days pass without a new batch/);
    });
  });
});

describe('how often, before any weekly run', () => {
  const runs = useWeeklyRunsServer();
  it.each([
    [
      '¿cada cuánto se reentrena el modelo?',
      /^Todavía no hubo ninguna corrida semanal\. .*4 semanas de datos/,
    ],
    ['how often does the model get retrained?', /^There has been no weekly run yet\. .*4 weeks of data old/],
  ])('%s says none ran yet, and the rule', async (question, said) => {
    const r = await runs().ask(question);
    expect(r.intent).toBe('pipeline_last_run');
    expect(r.answer).toMatch(said);
    expect(r.answer).not.toMatch(/últimas 0|last 0/);
  });
});
