import { expect } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import type { ChatServer } from './chat-server.ts';

/**
 * Asserts that `q` was answered as `intent` in `lang`. The question is part of what is compared, so
 * a failing row of an `it.each` table names itself.
 *
 * @example
 * expectAnsweredAs(q, await server().ask(q), 'small_talk', 'es');
 */
export function expectAnsweredAs(q: string, r: ChatResponse, intent: string, lang: string): void {
  expect({ q, intent: r.intent, answered: r.answered, lang: r.lang }).toEqual({
    q,
    intent,
    answered: true,
    lang,
  });
}

/** The cells of column `i` of a reply's table, top to bottom (none when it has no table). */
export function tableColumn(r: ChatResponse, i: number): string[] {
  return (r.table?.rows ?? []).map((row) => row[i]!);
}

/**
 * Asserts that `smallTalk` said between "¿qué le ofrezco al cliente 100001?" and "¿y el 100002?" is
 * answered as small talk and leaves the question before it for the follow-up.
 */
export async function expectFollowUpPastSmallTalk(
  server: ChatServer,
  smallTalk: string,
  session: string,
): Promise<void> {
  await server.inSession('¿qué le ofrezco al cliente 100001?', session);
  expect((await server.inSession(smallTalk, session)).intent).toBe('small_talk');
  const next = await server.inSession('¿y el 100002?', session);
  expect({ intent: next.intent, customer: next.entities.customer_id }).toEqual({
    intent: 'recommend',
    customer: 100002,
  });
}
