import { describe, expect, it } from 'vitest';
import { exampleQuestions } from '../src/chat/examples.ts';
import { expectAnsweredAs, expectFollowUpPastSmallTalk } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// "hola", "buenos días", "hello", "hi there" and "hola, ¿cómo estás?" got "I cannot answer that": a
// greeting now gets a greeting back with a few questions the assistant can answer, in the language
// of the greeting, while a question it cannot answer still gets the honest refusal.
const server = useChatServer();

const ask = (message: string) => server().ask(message);

/** Whether a question is one of the examples the assistant offers, whatever ids it names. */
const offered = (lang: 'es' | 'en') => {
  const shape = (q: string) => q.replace(/\d+/g, '#');
  const examples = new Set(Object.values(exampleQuestions(lang)).flat().map(shape));
  return (q: string) => examples.has(shape(q));
};

describe('greetings', () => {
  it.each([
    ['hola', 'es'],
    ['buenos días', 'es'],
    ['hola, ¿cómo estás?', 'es'],
    ['buenas tardes', 'es'],
    ['¡Hola! ¿qué tal?', 'es'],
    ['buenas', 'es'],
    ['hola buen día', 'es'],
    ['hello', 'en'],
    ['hi there', 'en'],
    ['good morning', 'en'],
    ['hey, how are you?', 'en'],
    ['Hi!', 'en'],
  ])('"%s" gets a greeting and questions it can answer (%s)', async (q, lang) => {
    const r = await ask(q);
    expectAnsweredAs(q, r, 'small_talk', lang);
    expect(r.answer).toMatch(lang === 'es' ? /^¡(?:Hola|Buen)/ : /^(?:Hello|Hi|Good)/);
    expect(r.answer).not.toMatch(/cannot|No sé/i);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(r.suggestions.length).toBeLessThanOrEqual(3);
    const isExample = offered(lang as 'es' | 'en');
    for (const s of r.suggestions) {
      expect(isExample(s), s).toBe(true);
      expect(r.answer).toContain(s);
    }
    expect(r.table).toBeUndefined();
  });

  it('answers "how are you" before offering help', async () => {
    expect((await ask('hola, ¿cómo estás?')).answer).toMatch(/bien/i);
    expect((await ask('hi, how are you?')).answer).toMatch(/\bwell\b|\bfine\b|\bgood\b/i);
  });

  it.each(['es', 'en'] as const)(
    'the example questions a greeting offers are answered (%s)',
    async (lang) => {
      const r = await ask(lang === 'es' ? 'hola' : 'hello');
      for (const s of r.suggestions) {
        const a = await ask(s);
        expect({ s, answered: a.answered, lang: a.lang }).toEqual({ s, answered: true, lang });
        expect(a.intent).not.toMatch(/^(?:unknown|help|small_talk)$/);
      }
    },
  );

  it.each([
    ['hola, ¿cuántos clientes hay?', 'count_customers'],
    ['buenos días, ¿qué le ofrezco al cliente 100001?', 'recommend'],
    ['hi there, what are the slow movers?', 'slow_movers'],
    ['good morning! which products sold the most last week?', 'top_products'],
  ])('a question after a greeting is answered: "%s"', async (q, intent) => {
    expect((await ask(q)).intent).toBe(intent);
  });

  it('a greeting between two questions leaves the first for a follow-up', async () => {
    await expectFollowUpPastSmallTalk(server(), 'hola', 'greeting-follow-up-01');
  });

  it.each([
    ['¿cuál es la capital de Francia?', 'es'],
    ['hola, ¿cuál es la capital de Francia?', 'es'],
    ["what's the weather tomorrow?", 'en'],
  ])('a question it cannot answer is still refused: "%s"', async (q, lang) => {
    const r = await ask(q);
    expect({ intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
      intent: 'unknown',
      answered: false,
      lang,
    });
  });
});
