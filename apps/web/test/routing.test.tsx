import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app.tsx';
import { askedAddress, ROUTES, routeFor } from '../src/app/routes.ts';
import { CATALOG, renderApp } from './render.tsx';

describe('routeFor', () => {
  it('an unknown page path names no page, not the Predict page', () => {
    for (const hash of ['#/monitor', '#/monitor/3', '#/monitor?x=1', '#monitor', '#/predictions']) {
      expect(routeFor(hash), hash).toBeUndefined();
    }
  });

  it('opens the first page (Predict) for an empty hash', () => {
    for (const hash of ['', '#', '#/', '#/?x=1']) expect(routeFor(hash)?.path, hash).toBe('predict');
  });

  it('keeps sub-paths and query strings after a known page on that page', () => {
    expect(routeFor('#/models/3')?.path).toBe('models');
    expect(routeFor('#/chat?x=1')?.path).toBe('chat');
    expect(routeFor('#/monitoring/')?.path).toBe('monitoring');
    expect(routeFor('#drift')?.path).toBe('drift');
  });

  it('matches the page name whatever its letter case, still naming no page for an unknown one', () => {
    for (const hash of ['#/Models', '#/MODELS', '#/models', '#/Models/AbC-3', '#/MoDeLs?x=Y', '#Models']) {
      expect(routeFor(hash)?.path, hash).toBe('models');
    }
    expect(routeFor('#/Monitor')).toBeUndefined();
  });

  it('shows the asked address as typed: escapes decoded, a stray % kept', () => {
    expect(askedAddress('#/m%C3%B3delos')).toBe('#/módelos');
    expect(askedAddress('#/100%')).toBe('#/100%');
  });
});

/** Puts the app at `hash` without a hashchange event, as opening a bookmark would. */
function openAt(hash: string): void {
  window.history.replaceState(null, '', `${window.location.pathname}${hash}`);
}

function renderShell(lang: 'es' | 'en' = 'es') {
  return renderApp(
    <App />,
    (req) => {
      if (req.url.startsWith('/api/serving')) return { body: { model_version: null } };
      // The Models page's own reads: answering them with the catalog made it throw whenever its
      // request settled before the test ended (a race that failed about half the runs).
      if (req.url.endsWith('/history')) return { body: [] };
      if (req.url.startsWith('/api/tracking/models/'))
        return { body: { model: { name: 'weekly-purchase', description: '' }, versions: [], aliases: [] } };
      return { body: CATALOG };
    },
    lang,
  );
}

/** Lets the serving badge's request answer inside act(), so no update lands after the test. */
async function settle(): Promise<void> {
  await act(async () => {});
}

describe('App at an address', () => {
  beforeEach(() => {
    vi.stubGlobal('scrollTo', () => undefined);
  });
  afterEach(() => {
    cleanup();
    openAt('');
    vi.unstubAllGlobals();
  });

  it('an unknown page path shows not-found, not the Predict page', async () => {
    openAt('#/monitor');
    renderShell();
    const notFound = screen.getByTestId('not-found');
    expect(within(notFound).getByRole('heading', { level: 1 }).textContent).toBe('Página no encontrada');
    expect(screen.getByTestId('asked-address').textContent).toBe('#/monitor');
    expect(document.title).toBe('Página no encontrada · SodAI');
    expect(screen.queryByRole('heading', { name: 'Predecir una compra' })).toBeNull();
    // No menu entry claims to be the current page, and every page is offered from the view.
    const menuLinks = within(screen.getByRole('navigation', { name: 'Menú principal' })).getAllByRole('link');
    expect(menuLinks.filter((a) => a.hasAttribute('aria-current'))).toEqual([]);
    const offered = within(screen.getByRole('navigation', { name: 'Páginas de SodAI' })).getAllByRole('link');
    expect(offered.map((a) => a.getAttribute('href'))).toEqual(ROUTES.map((r) => `#/${r.path}`));
    expect(offered.map((a) => a.textContent)).toEqual(menuLinks.map((a) => a.textContent));
    await settle();
  });

  it('names the asked address in English too', async () => {
    openAt('#/m%C3%B3delos/7');
    renderShell('en');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Page not found');
    expect(screen.getByTestId('asked-address').textContent).toBe('#/módelos/7');
    expect(screen.getByRole('navigation', { name: 'Pages of SodAI' })).toBeTruthy();
    await settle();
  });

  it('leaves the not-found view for the page a link of it names', async () => {
    openAt('#/monitor');
    renderShell();
    const offered = screen.getByRole('navigation', { name: 'Páginas de SodAI' });
    await act(async () => {
      fireEvent.click(within(offered).getByRole('link', { name: 'Predecir' }));
    });
    expect(
      await screen.findByRole('heading', { name: 'Predecir una compra' }, { timeout: 15_000 }),
    ).toBeTruthy();
    expect(screen.queryByTestId('not-found')).toBeNull();
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).getByRole('link', { name: 'Predecir' }).getAttribute('aria-current')).toBe('page');
  });

  it('opens Predict for the empty hash and keeps a sub-path on its page', async () => {
    for (const [hash, label] of [
      ['#/', 'Predecir'],
      ['#/models/3', 'Modelos'],
      ['#/chat?x=1', 'Chat'],
    ] as const) {
      openAt(hash);
      renderShell();
      expect(screen.queryByTestId('not-found'), hash).toBeNull();
      const menu = screen.getByRole('navigation', { name: 'Menú principal' });
      expect(within(menu).getByRole('link', { name: label }).getAttribute('aria-current'), hash).toBe('page');
      await settle();
      cleanup();
    }
  });

  it('opens a page whose name has capitals, keeping the address (and its id) as typed', async () => {
    openAt('#/Models/AbC-3');
    renderShell();
    expect(screen.queryByTestId('not-found')).toBeNull();
    const menu = screen.getByRole('navigation', { name: 'Menú principal' });
    expect(within(menu).getByRole('link', { name: 'Modelos' }).getAttribute('aria-current')).toBe('page');
    expect(window.location.hash).toBe('#/Models/AbC-3');
    await settle();
  });

  it('skips to the content without leaving the page (its #main href names no page)', async () => {
    openAt('#/models');
    renderShell();
    await act(async () => {
      fireEvent.click(screen.getByRole('link', { name: 'Saltar al contenido' }));
    });
    expect(window.location.hash).toBe('#/models');
    expect(document.activeElement).toBe(document.getElementById('main'));
    expect(screen.queryByTestId('not-found')).toBeNull();
  });
});
