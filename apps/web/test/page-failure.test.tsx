import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { CATALOG, renderApp } from './render.tsx';

// As after a new SodAI build is installed while a tab is open: the old build's Chat page file is gone.
vi.mock('../src/pages/chat/chat-page.tsx', () => {
  throw new TypeError(
    'Failed to fetch dynamically imported module: http://127.0.0.1/assets/chat-page-old.js',
  );
});

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', window.location.pathname);
  vi.restoreAllMocks();
});

function renderAt(hash: string, lang: 'es' | 'en') {
  window.history.replaceState(null, '', `${window.location.pathname}${hash}`);
  return renderApp(
    <App />,
    (req) => (req.url.startsWith('/api/serving') ? { body: { model_version: null } } : { body: CATALOG }),
    lang,
  );
}

describe('a page that fails to load', () => {
  it('keeps the menu and says to reload, instead of blanking the whole app', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAt('#/chat', 'en');
    const failed = await screen.findByTestId('page-failed', {}, { timeout: 15_000 });
    expect(within(failed).getByText('This page could not be shown.')).toBeTruthy();
    expect(within(failed).getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    // The error's own words stay on screen for whoever is asked for help.
    expect(failed.querySelector('.detail')?.textContent).toMatch(/error/i);
    const menu = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(menu).getByRole('link', { name: 'Chat' }).getAttribute('aria-current')).toBe('page');
  });

  it('says so in Spanish, and another page of the menu still opens', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAt('#/chat', 'es');
    expect(await screen.findByText('No se pudo mostrar esta página.', {}, { timeout: 15_000 })).toBeTruthy();
    await act(async () => {
      window.history.replaceState(null, '', `${window.location.pathname}#/predict`);
      fireEvent(window, new HashChangeEvent('hashchange'));
    });
    expect(
      await screen.findByRole('heading', { name: 'Predecir una compra' }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.queryByTestId('page-failed')).toBeNull();
  });
});
