import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "Is the model better than the simple rules?" got the model's card (version, dates, test F1) without
// the comparison the question asks for; the performance answer gives the F1 beside the best rule's.
const server = useChatServer();

describe('the model against the simple rules', () => {
  it.each([
    ['is the model better than the simple rules?', 'en'],
    ['does the model beat the baseline?', 'en'],
    ['model vs rules', 'en'],
    ['¿el modelo es mejor que las reglas simples?', 'es'],
    ['¿le gana el modelo a las reglas?', 'es'],
    ['el modelo contra la regla', 'es'],
    // The model (or more words) between the comparison and the rules.
    ['¿el modelo mejora a las reglas simples?', 'es'],
    ['¿es mejor el modelo que las reglas?', 'es'],
    ['¿el modelo supera a la regla simple?', 'es'],
    ['¿cómo se compara el modelo con las reglas?', 'es'],
    ['is the model doing better than the simple rules?', 'en'],
    ['how does the model compare with the baseline?', 'en'],
    ['does the model improve on the rules?', 'en'],
  ] as const)('%s asks how the model does against them', async (question, lang) => {
    const reply = await server().ask(question, lang);
    expect(reply.intent).toBe('model_performance');
  });

  it.each([
    ['¿qué reglas usa el modelo?', 'es'],
    ['which model is serving?', 'en'],
    ['¿cuándo se actualizó el modelo?', 'es'],
    ['¿qué productos se venden mejor?', 'es'],
    ['compare the top products with last month', 'en'],
  ] as const)('%s is not a comparison', async (question, lang) => {
    const reply = await server().ask(question, lang);
    expect(reply.intent).not.toBe('model_performance');
  });
});
