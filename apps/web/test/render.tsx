import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ApiClient } from '../src/api/api-client.ts';
import { AppProvider } from '../src/app/app-context.tsx';
import type { Lang } from '../src/i18n/dictionary.ts';
import { I18nProvider } from '../src/i18n/i18n-context.tsx';

/** A recorded request of the fake server. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly authorization: string | null;
}

/** A JSON answer. */
type Answer = { status?: number; body: unknown } | undefined;

/** The fake server's answer to a request, or undefined for a 404; a promise holds the answer back until it settles. */
export type Route = (req: SeenRequest) => Answer | Promise<Answer>;

/**
 * Renders `ui` with the app's providers over a fake server: `route` answers each request (JSON),
 * unanswered ones get 404. Returns what was requested.
 */
export function renderApp(
  ui: ReactElement,
  route: Route,
  lang: Lang = 'es',
): RenderResult & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const req: SeenRequest = {
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      authorization: headers.get('authorization'),
    };
    seen.push(req);
    const answer = (await route(req)) ?? {
      status: 404,
      body: { error: 'NOT_FOUND', message: `no route ${url}` },
    };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const result = render(
    <I18nProvider initial={lang}>
      <AppProvider api={new ApiClient('', fetchFn)}>{ui}</AppProvider>
    </I18nProvider>,
  );
  return Object.assign(result, { seen });
}

export const CATALOG = {
  customers: [
    { id: 7, customer_type: 'ABARROTES' },
    { id: 8, customer_type: 'RESTAURANT' },
  ],
  products: [
    {
      id: 40,
      attributes: {
        brand: 'Brand 1',
        category: 'AGUA',
        sub_category: null,
        segment: 'PREMIUM',
        package: 'BOTELLA',
        size: 1,
      },
    },
    {
      id: 41,
      attributes: {
        brand: 'Brand 2',
        category: 'JUGOS',
        sub_category: null,
        segment: 'ECONOMY',
        package: 'LATA',
        size: 0.33,
      },
    },
  ],
};
