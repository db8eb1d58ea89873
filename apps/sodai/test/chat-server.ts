import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { ChatResponse } from '../src/contract/api.ts';
import { queryRows } from '../src/store/duckdb.ts';
import { quietServer, serveFixture, type ServeFixture } from './serve-fixture.ts';

/** A served store, a quiet server over it with its model loaded, and the chat's last day of data. */
export interface ChatServer {
  readonly fx: ServeFixture;
  readonly app: FastifyInstance;
  /** The latest purchase date in the store (YYYY-MM-DD): what "last week" counts back from. */
  readonly lastDay: string;
  /** POST /chat and its JSON answer (`lang` left to the server when not given). */
  ask<T = ChatResponse>(message: string, lang?: 'es' | 'en'): Promise<T>;
  /** POST /chat within a conversation, so the question can follow up on the ones before it. */
  inSession<T = ChatResponse>(message: string, sessionId: string): Promise<T>;
}

/**
 * Starts a {@link ChatServer} before the file's tests and closes it after them; the getter returned
 * works in tests and in the file's own later `beforeAll`s.
 *
 * @example
 * const server = useChatServer();
 * it('answers', async () => expect((await server().ask<Reply>('hola')).intent).toBe('unknown'));
 */
export function useChatServer(): () => ChatServer {
  let fx: ServeFixture | undefined;
  let server: ChatServer | undefined;
  beforeAll(async () => {
    fx = await serveFixture();
    const app = await quietServer(fx);
    const [last] = await queryRows(
      fx.store.connection,
      'SELECT max(purchase_date)::DATE::VARCHAR AS d FROM transactions',
    );
    server = {
      fx,
      app,
      lastDay: String(last!.d),
      ask: async (message, lang) =>
        (
          await app.inject({ method: 'POST', url: '/chat', payload: lang ? { message, lang } : { message } })
        ).json(),
      inSession: async (message, sessionId) =>
        (
          await app.inject({ method: 'POST', url: '/chat', payload: { message, session_id: sessionId } })
        ).json(),
    };
  });
  afterAll(async () => {
    await server?.app.close();
    await fx?.close();
  });
  return () => {
    if (!server) throw new Error('useChatServer: the server is not up yet (its beforeAll has not run)');
    return server;
  };
}

/** A day as the chat writes it ("5 ene 2025", "Jan 5, 2025"), from Intl rather than the chat's own code. */
export function chatDay(iso: string, lang: 'es' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** A whole number, or one with up to `decimals` decimals, as the chat writes it, from Intl. */
export function chatNumber(value: number, lang: 'es' | 'en', decimals = 0): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', { maximumFractionDigits: decimals }).format(
    value,
  );
}

/** A share (0.458) as the chat writes it ("45,8 %", "45.8%"), from Intl. */
export function chatPercent(share: number, lang: 'es' | 'en'): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-ES' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** The day `days` after `day` (before it when negative), both YYYY-MM-DD. */
export function daysAfter(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "Brand 7" as a question says it after "marca" / "brand": the number alone. */
export const brandNumber = (brand: string): string => brand.replace(/^\D+/, '');

/**
 * The brand that sold most units among the rows `where` keeps (over transactions t, products p and
 * customers c), ties broken by name: a brand the fixture surely holds sales of.
 */
export async function bestSellingBrand(server: ChatServer, where = 'TRUE'): Promise<string> {
  const [top] = await queryRows(
    server.fx.store.connection,
    `SELECT p.brand AS brand FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
     WHERE ${where} GROUP BY 1 ORDER BY sum(t.items) DESC, 1 LIMIT 1`,
  );
  return String(top!.brand);
}

/** The customer with the most purchase lines, ties broken by id: one the fixture surely holds a history of. */
export async function busiestCustomer(server: ChatServer): Promise<number> {
  const [top] = await queryRows(
    server.fx.store.connection,
    'SELECT customer_id::DOUBLE AS id FROM transactions GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1',
  );
  return Number(top!.id);
}
