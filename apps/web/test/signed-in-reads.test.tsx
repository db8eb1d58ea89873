import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import DataPage from '../src/pages/data/data-page.tsx';
import DriftPage from '../src/pages/drift/drift-page.tsx';
import ModelsPage from '../src/pages/models/models-page.tsx';
import { renderApp } from './render.tsx';

const READER = { role: 'reader', alerts: false, signed_in: true };
const MODEL = { model: { name: 'weekly-purchase', description: '' }, versions: [], aliases: [] };

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

describe('reads a server keeps private', () => {
  it('carry the sign-in, so a reader sees the Data page rather than a sign-in error', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'reader-token');
    const { seen } = renderApp(<DataPage />, (req) => {
      if (req.url === '/api/auth/me') return { body: READER };
      // As the server does without `publicRead: all`: no token, no ingestion log.
      if (req.url.startsWith('/api/ingestions'))
        return req.authorization === 'Bearer reader-token'
          ? { body: [] }
          : { status: 401, body: { code: 'UNAUTHORIZED', message: 'this route needs a bearer token' } };
      return undefined;
    });
    await waitFor(() => expect(seen.some((r) => r.url.startsWith('/api/ingestions'))).toBe(true));
    expect(seen.filter((r) => r.url.startsWith('/api/ingestions')).map((r) => r.authorization)).toEqual([
      'Bearer reader-token',
    ]);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('carry the sign-in on the Models page too (the model and its champion history)', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'reader-token');
    const { seen } = renderApp(<ModelsPage />, (req) => {
      if (req.url === '/api/auth/me') return { body: READER };
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url.startsWith('/api/tracking/models/')) return { body: MODEL };
      return undefined;
    });
    await waitFor(() => expect(seen.filter((r) => r.url.startsWith('/api/tracking/')).length).toBe(2));
    for (const r of seen.filter((x) => x.url.startsWith('/api/tracking/')))
      expect(r.authorization, r.url).toBe('Bearer reader-token');
  });

  it('go without a token when nobody is signed in', async () => {
    const { seen } = renderApp(<DataPage />, (req) =>
      req.url.startsWith('/api/ingestions') ? { body: [] } : undefined,
    );
    await waitFor(() => expect(seen.some((r) => r.url.startsWith('/api/ingestions'))).toBe(true));
    expect(seen.find((r) => r.url.startsWith('/api/ingestions'))?.authorization).toBeNull();
  });
});

/** A server that keeps every read for readers and up, as without `publicRead: all`. */
const refusesReads = (req: { url: string; authorization: string | null }) => {
  if (req.url === '/api/auth/me' && req.authorization === 'Bearer alerts-token')
    return { body: { role: null, alerts: true, signed_in: true } };
  if (!req.authorization)
    return {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'this route needs a bearer token with the reader role' },
    };
  return {
    status: 403,
    body: { code: 'FORBIDDEN', message: 'alerts may use the alert inbox only; this route needs reader' },
  };
};

describe('a read refused for who is asking', () => {
  it.each([
    { lang: 'es', says: 'Esto solo se muestra con la sesión iniciada', button: 'Iniciar sesión' },
    { lang: 'en', says: 'This is shown only after signing in', button: 'Sign in' },
  ] as const)(
    'asks a visitor to sign in, with the button, not a red error ($lang)',
    async ({ lang, says, button }) => {
      renderApp(<DataPage />, refusesReads, lang);
      const note = await screen.findByTestId('sign-in-needed');
      expect(note.textContent).toContain(says);
      expect(within(note).getByRole('button', { name: button })).toBeTruthy();
      expect(screen.queryByRole('alert')).toBeNull();
      expect(document.body.textContent).not.toContain('bearer token');
    },
  );

  it('says it once on the Models page, not for the versions and again for the champion history', async () => {
    renderApp(<ModelsPage />, refusesReads, 'es');
    await screen.findByTestId('sign-in-needed');
    await waitFor(() => expect(screen.queryByText('Cargando…')).toBeNull());
    expect(screen.getAllByTestId('sign-in-needed')).toHaveLength(1);
    expect(screen.getAllByRole('button', { name: 'Iniciar sesión' })).toHaveLength(1);
  });

  it('tells the alerts-only token to switch to a reader token, on the Drift page', async () => {
    window.sessionStorage.setItem('sodai.adminToken', 'alerts-token');
    renderApp(<DriftPage />, refusesReads, 'en');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain('You are signed in for alerts only, which does not show this');
    expect(within(note).getByRole('button', { name: 'Switch token' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
