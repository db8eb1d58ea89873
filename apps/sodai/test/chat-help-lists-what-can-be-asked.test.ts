import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "¿cómo te uso?", "how does this work?", "¿para qué sirves?", "what should I ask you?" were not
// read as asking for help, and help answered with one long paragraph. Help is now a short list of
// capabilities, each with an example question the assistant answers, in the asker's language.
const server = useChatServer();

/** The example questions quoted in a help answer, one per line of the list. */
const examplesOf = (answer: string) =>
  answer
    .split('\n')
    .filter((line) => line.startsWith('• '))
    .map((line) => /[«"](.+)[»"]$/.exec(line)?.[1]);

describe('help', () => {
  it.each([
    ['como te uso?', 'es'],
    ['¿cómo se usa esto?', 'es'],
    ['¿qué puedo preguntarte?', 'es'],
    ['¿para qué sirves?', 'es'],
    ['¿qué tipo de preguntas respondes?', 'es'],
    ['¿me ayudas?', 'es'],
    ['what can you do', 'en'],
    ['how does this work?', 'en'],
    ['what should I ask you?', 'en'],
    ['what are your capabilities?', 'en'],
  ] as const)('"%s" lists what can be asked, with an example each, in %s', async (q, lang) => {
    const r = await server().ask(q);
    expect({ q, intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
      q,
      intent: 'help',
      answered: true,
      lang,
    });
    const examples = examplesOf(r.answer);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.every((e) => e !== undefined)).toBe(true);
    expect(r.answer.length).toBeLessThan(1000);
  });

  it.each(['es', 'en'] as const)(
    'every example the %s list gives is answered from the data',
    async (lang) => {
      const r = await server().ask(lang === 'es' ? '¿cómo te uso?' : 'how do I use this?');
      for (const example of examplesOf(r.answer)) {
        const answer = await server().ask(example!);
        expect({ example, answered: answer.answered, lang: answer.lang }).toEqual({
          example,
          answered: true,
          lang,
        });
        expect(['help', 'unknown']).not.toContain(answer.intent);
      }
    },
  );
});
