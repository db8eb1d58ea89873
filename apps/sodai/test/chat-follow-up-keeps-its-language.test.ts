import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "More" after "which customers order every single week?" (answered in English) was answered in
// Spanish: a message with no language of its own fell to the request's default. A follow-up that
// says nothing of its language ("more", "más", "next", "y?", a bare id) keeps the previous turn's;
// one written in the other language switches to it.
const server = useChatServer();
let session = 0;
const newSession = () => `keeps-language-${String(session++).padStart(4, '0')}`;

async function conversation(first: string, then: string) {
  const sid = newSession();
  const a = await server().inSession(first, sid);
  const b = await server().inSession(then, sid);
  return { a, b };
}

describe('a follow-up with no language of its own keeps the previous one', () => {
  it.each([
    ['which customers order every single week?', 'more', 'en'],
    ['which customers order every single week?', 'más', 'en'],
    ['top 5 products last month', 'next', 'en'],
    ['who are our best customers?', 'more please', 'en'],
    ['what did customer 100026 buy in April?', '100010', 'en'],
    ['which customers return the most?', 'y?', 'en'],
    ['which products come in bottles?', 'siguientes', 'en'],
    ['which customers order every single week?', 'ok', 'en'],
    ['top 5 products last month', 'next 5 please', 'en'],
    ['¿cuáles son los mejores clientes?', 'more', 'es'],
    ['¿qué clientes compran todas las semanas?', 'next', 'es'],
    ['¿qué productos hay en botella?', 'más', 'es'],
  ] as const)('"%s" then "%s" answers in %s', async (first, then, lang) => {
    const { a, b } = await conversation(first, then);
    expect({ first, lang: a.lang }).toEqual({ first, lang });
    expect({ then, lang: b.lang }).toEqual({ then, lang });
  });

  it.each([
    ['which customers order every single week?', '¿y en abril?', 'es'],
    ['which customers return the most?', 'muéstrame más clientes', 'es'],
    ['¿cuáles son los mejores clientes?', 'and in April?', 'en'],
    ['¿qué clientes devuelven más?', 'show me more customers', 'en'],
    ['top 5 products last month', '¿y el cliente 100026?', 'es'],
  ] as const)('"%s" then "%s", written in the other language, answers in %s', async (first, then, lang) => {
    const { b } = await conversation(first, then);
    expect({ then, lang: b.lang }).toEqual({ then, lang });
  });

  it.each([
    ['more', 'es'],
    ['which customers return the most?', 'en'],
    ['¿qué clientes devuelven más?', 'es'],
  ] as const)('"%s" as a first message keeps its own reading (%s)', async (q, lang) => {
    const r = await server().inSession(q, newSession());
    expect({ q, lang: r.lang }).toEqual({ q, lang });
  });
});
