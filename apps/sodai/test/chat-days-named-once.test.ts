import { describe, expect, it } from 'vitest';
import { chatDay, useChatServer } from './chat-server.ts';

// "¿Cuánto vendimos el 24 de diciembre?" answered "El 2024-12-24 (24 dic 2024) se vendieron …", and
// an ISO range "Del 2024-12-02 al 2024-12-15 (2 dic 2024 – 15 dic 2024)": a day or a range named by
// its dates is now said once, as people write it.
const server = useChatServer();

describe('a day or a range of days named in an answer', () => {
  it.each([
    ['¿cuánto vendimos el 15 de marzo?', 'es', '2024-03-15', '2024-03-15'],
    ['sales on march 15', 'en', '2024-03-15', '2024-03-15'],
    ['ventas del 2024-03-15', 'es', '2024-03-15', '2024-03-15'],
    ['ventas del 2024-04-08 al 2024-04-14', 'es', '2024-04-08', '2024-04-14'],
    ['sales from 2024-04-08 to 2024-04-14', 'en', '2024-04-08', '2024-04-14'],
  ] as const)('%s', async (q, lang, from, to) => {
    const r = await server().ask(q, lang);
    expect({ from: r.entities.period?.from, to: r.entities.period?.to }).toEqual({ from, to });
    expect(r.answer).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    expect(r.answer).toContain(chatDay(from, lang));
    // Each date once: never "15 mar 2024 (15 mar 2024)".
    const first = r.answer.indexOf(chatDay(from, lang));
    expect(r.answer.indexOf(chatDay(from, lang), first + 1)).toBe(-1);
  });
});
