import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import DataPage from '../src/pages/data/data-page.tsx';
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
