import { describe, expect, it } from 'vitest';
import { expectAnsweredAs } from './chat-replies.ts';
import { useChatServer } from './chat-server.ts';

// "¿Cómo vamos este mes?" and "qué tal andamos con la marca …" were not understood, where "how are
// we doing this month?" got the month's sales: only "cómo nos fue / nos va" was read. With a time or
// a subject after it, "cómo vamos / andamos / venimos / estamos" is now how sales go; "¿cómo vamos?"
// alone stays a greeting.
const server = useChatServer();

describe('how are we doing, said in Spanish', () => {
  it.each([
    ['como vamos este mes', 'este mes'],
    ['como anduvimos la semana pasada', 'la semana pasada'],
    ['q tal venimos este mes', 'este mes'],
  ])('%s', async (q, period) => {
    const r = await server().ask(q);
    expectAnsweredAs(q, r, 'sales_trend', 'es');
    expect(r.entities.period?.label).toBe(period);
  });

  it('"¿cómo vamos?" alone is a greeting', async () => {
    expect((await server().ask('¿cómo vamos?')).intent).toBe('small_talk');
  });
});
