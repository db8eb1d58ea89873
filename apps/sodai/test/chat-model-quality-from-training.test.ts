import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { ChatAssistant } from '../src/chat/assistant.ts';
import { duckDbChatSource } from '../src/chat/data-source.ts';
import type { RealizedWeek } from '../src/chat/performance-source.ts';
import { CHAMPION, MODEL_NAME, purchaseModelSignature } from '../src/model/registry.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';
import { chatDay, chatNumber } from './chat-server.ts';

// "Is the model any good?" with no realized scoring yet said only "not measured", although training had
// scored the champion on the week it held out; "¿qué tal funciona el modelo?" got the version record.
// Both now give the champion's test-week F1, precision, recall and gain over the best rule, said to
// be from training's held-out week; realized weeks, once measured, still come first.
const TEST = {
  test_f1: 0.4123,
  test_precision: 0.3871,
  test_recall: 0.4412,
  f1_gain_vs_best_baseline: 0.0523,
  f1_gain_ci_low: 0.0311,
  f1_gain_ci_high: 0.0734,
};
const TEST_WEEK = '2024-05-06';

let fx: ServeFixture;
let app: FastifyInstance;
let champion: number;

beforeAll(async () => {
  fx = await serveFixture();
  // A champion as `sodai train` registers it: the run's test metrics and the week it held out.
  const v1 = await fx.tracking.registry.getModelVersion(MODEL_NAME, fx.versions[0]);
  const run = await fx.tracking.startRun({ experiment: 'chat-model-quality' });
  await run.logArtifact(
    'model.ubj',
    await fx.tracking.readArtifact(v1.runId, 'model.ubj'),
    'application/ubjson',
  );
  await run.logMetrics(TEST);
  await run.end('FINISHED');
  const version = await fx.tracking.registry.createModelVersion({
    modelName: MODEL_NAME,
    runId: run.id,
    artifactPath: 'model.ubj',
    signature: purchaseModelSignature(0.3, { testCutoff: TEST_WEEK }),
  });
  champion = version.version;
  await fx.tracking.registry.setAlias(MODEL_NAME, CHAMPION, champion, { actor: 'test', reason: 'metrics' });
  app = await quietServer(fx);
});
afterAll(async () => {
  await app?.close();
  await fx?.close();
});

const ask = async (message: string) =>
  (await app.inject({ method: 'POST', url: '/chat', payload: { message } })).json<ChatResponse>();

describe("how good the model is, from training's held-out week", () => {
  it.each([
    ['is the model any good?', 'en'],
    ['¿qué tal funciona el modelo?', 'es'],
    ['how accurate is the model?', 'en'],
    ['¿el modelo es bueno?', 'es'],
  ] as const)('"%s" gives the test-week F1, precision, recall and gain first', async (q, lang) => {
    const reply = await ask(q);
    expect({ intent: reply.intent, answered: reply.answered }).toEqual({
      intent: 'model_performance',
      answered: true,
    });
    const first = reply.answer.split(/(?<=\.) (?=[A-ZÁÉÍÓÚ])/)[0]!;
    for (const x of [TEST.test_f1, TEST.test_precision, TEST.test_recall, TEST.f1_gain_vs_best_baseline])
      expect(first).toContain(chatNumber(x, lang, 3));
    expect(first).toContain(chatDay(TEST_WEEK, lang));
    expect(first).toContain(`v${champion}`);
    expect(reply.data).toMatchObject({ realized: null, test: { f1: TEST.test_f1, week: TEST_WEEK } });
  });

  it('says the figures come from the week training held out, and that realized ones are not measured', async () => {
    const reply = await ask('is the model any good?');
    expect(reply.answer).toMatch(/test week training held out/);
    expect(reply.answer).toMatch(/not measured yet/);
  });

  it('puts realized weeks first once they are measured', async () => {
    const realized: RealizedWeek = {
      week: '2024-05-13',
      modelVersion: champion,
      f1: 0.5678,
      precision: 0.51,
      recall: 0.62,
      pairs: 900,
    };
    const assistant = new ChatAssistant({
      data: duckDbChatSource(new DbLane(fx.store.connection)),
      serving: app.serving.holder,
      registry: fx.tracking,
      performance: { weeks: async () => [realized] },
      now: () => new Date(),
    });
    const reply = await assistant.ask({ message: 'is the model any good?' });
    expect(reply.answer.startsWith(`In the week of ${chatDay(realized.week, 'en')}`)).toBe(true);
    expect(reply.answer.indexOf(chatNumber(realized.f1, 'en', 3))).toBeLessThan(
      reply.answer.indexOf(chatNumber(TEST.test_f1, 'en', 3)),
    );
  });
});
