import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import PipelinePage from '../src/pages/pipeline/pipeline-page.tsx';
import { renderApp, type Route, type SeenRequest } from './render.tsx';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

const TOKEN = 'tok-0123456789abcdef';

const DAG = {
  id: 'maintenance',
  description: null,
  schedule: null,
  next_run_at: null,
  every: null,
  nodes: [{ id: 'gc', kind: 'task', upstream: [], trigger_rule: 'all_success' }],
  edges: [],
};

/** The server's answer to "what is this token?": `role` for TOKEN (null: the alerts-only token). */
function tokenRole(role: 'reader' | 'operator' | 'admin' | null): Route {
  return (req) =>
    req.url === '/api/auth/me' && req.authorization === `Bearer ${TOKEN}`
      ? { body: { role, alerts: role !== 'reader', signed_in: true } }
      : undefined;
}

/** The answer of the first route that has one. */
const firstOf =
  (...routes: Route[]): Route =>
  (req) =>
    routes.map((route) => route(req)).find((answer) => answer !== undefined);

/** The pipeline reads of a server that keeps them for signed-in callers (`publicRead: predictions`). */
function privateReads(req: SeenRequest) {
  if (!req.url.startsWith('/api/pipeline/')) return undefined;
  if (req.authorization !== `Bearer ${TOKEN}`) {
    return {
      status: 401,
      body: { code: 'UNAUTHORIZED', message: 'this route needs a bearer token with the reader role' },
    };
  }
  return { body: req.url === '/api/pipeline/dags' ? [DAG] : [] };
}

/** The pipeline reads of a server that keeps them for readers and up, TOKEN being the alerts-only token. */
function readsRefusedToAlertsOnly(req: SeenRequest) {
  if (!req.url.startsWith('/api/pipeline/')) return undefined;
  return {
    status: 403,
    body: { code: 'FORBIDDEN', message: 'alerts may use the alert inbox only; this route needs reader' },
  };
}

/** The pipeline reads of a server that shows them to everyone (`publicRead: all`). */
function openReads(req: SeenRequest) {
  if (req.url === '/api/pipeline/dags') return { body: [DAG] };
  if (req.url.startsWith('/api/pipeline/runs')) return { body: [] };
  return undefined;
}

describe('PipelinePage without a sign-in', () => {
  it('says once that the visitor is not signed in and what to do, not "admin sign-in" beside "reader role"', async () => {
    renderApp(<PipelinePage />, privateReads, 'en');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain(
      'You are not signed in, and the pipeline is only shown after signing in. Sign in with any token to see it; running it needs an operator or admin sign-in.',
    );
    expect(within(note).getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getAllByTestId('sign-in-needed')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toContain('reader role');
  });

  it('says the same in Spanish', async () => {
    renderApp(<PipelinePage />, privateReads, 'es');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain(
      'No ha iniciado sesión, y el flujo solo se muestra con la sesión iniciada. Inicie sesión con cualquier token para verlo; para lanzarlo necesita una sesión de operación o de administración.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('on a server that shows the pipeline to everyone, says it can be followed but needs an operator or admin sign-in to run', async () => {
    renderApp(<PipelinePage />, openReads, 'en');
    await screen.findByTestId('dag-maintenance');
    const notes = await screen.findAllByTestId('sign-in-needed');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.textContent).toContain(
      'You are not signed in: you can follow the pipeline here, but to run it you need to sign in as operator or admin.',
    );
    // Pressing it could only be refused: the server's refusal would name a role the UI never asked for.
    const run = screen.getByRole('button', { name: 'Run now' });
    expect(run).toHaveProperty('disabled', true);
    expect(run.getAttribute('aria-describedby')).toBe(notes[0]?.id);
  });
});

describe('PipelinePage signed in', () => {
  it('sends the token with its reads, so a server that keeps them private shows the pipeline; an operator may run it', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    const { seen } = renderApp(<PipelinePage />, firstOf(tokenRole('operator'), privateReads), 'en');
    await screen.findByTestId('dag-maintenance');
    await waitFor(() => expect(screen.getAllByText('No runs yet.')).toHaveLength(2));
    expect(screen.queryByTestId('sign-in-needed')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Run now' })).toHaveProperty('disabled', false),
    );
    expect(seen.filter((r) => r.authorization !== `Bearer ${TOKEN}`)).toEqual([]);
  });

  it('as a reader, "Run now" is off and the page says running needs an operator or admin sign-in', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<PipelinePage />, firstOf(tokenRole('reader'), privateReads), 'en');
    await screen.findByTestId('dag-maintenance');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain(
      'You are signed in as reader: you can follow the pipeline here, but running it needs an operator or admin sign-in.',
    );
    const run = screen.getByRole('button', { name: 'Run now' });
    expect(run).toHaveProperty('disabled', true);
    expect(run.getAttribute('aria-describedby')).toBe(note.id);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('as a reader, says the same in Spanish', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<PipelinePage />, firstOf(tokenRole('reader'), privateReads), 'es');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain(
      'Su sesión es de lectura: puede seguir el flujo aquí, pero para lanzarlo necesita una sesión de operación o de administración.',
    );
    expect(screen.getByRole('button', { name: 'Ejecutar ahora' })).toHaveProperty('disabled', true);
  });
});

describe('PipelinePage signed in with the alerts-only token', () => {
  it('on a server that shows the pipeline to everyone, "Run now" is off and the page says why', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<PipelinePage />, firstOf(tokenRole(null), openReads), 'en');
    await screen.findByTestId('dag-maintenance');
    const note = await screen.findByTestId('sign-in-needed');
    expect(note.textContent).toContain(
      'You are signed in for alerts only: you can follow the pipeline here, but running it needs an operator or admin sign-in.',
    );
    const run = screen.getByRole('button', { name: 'Run now' });
    expect(run).toHaveProperty('disabled', true);
    expect(run.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('on a server that keeps the pipeline private, says once that this sign-in does not show it', async () => {
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<PipelinePage />, firstOf(tokenRole(null), readsRefusedToAlertsOnly), 'es');
    await waitFor(() =>
      expect(screen.getByTestId('sign-in-needed').textContent).toContain(
        'Su sesión es solo de alertas, y el flujo solo se muestra con una sesión de lectura, operación o administración; para lanzarlo necesita una sesión de operación o de administración.',
      ),
    );
    expect(screen.getAllByTestId('sign-in-needed')).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

/** "What may I do?" asked without a token, of a server that knows no token with a role and keeps reads closed. */
function nobodyCanSignIn(req: SeenRequest) {
  if (req.url !== '/api/auth/me' || req.authorization) return undefined;
  return {
    body: {
      role: null,
      alerts: false,
      signed_in: false,
      readers_configured: false,
      public_read: 'predictions',
    },
  };
}

describe('PipelinePage on a server nobody can sign in to', () => {
  it.each([
    ['en', 'no access token has been given out', 'SODAI_PUBLIC_READ=all'],
    ['es', 'no se ha entregado ningún token de acceso', 'SODAI_PUBLIC_READ=all'],
  ] as const)(
    'says how whoever runs the server opens the page, not a sign-in that leads nowhere (%s)',
    async (lang, said, setting) => {
      renderApp(<PipelinePage />, firstOf(nobodyCanSignIn, privateReads), lang);
      await waitFor(() => expect(screen.getByTestId('sign-in-needed').textContent).toContain(said));
      const note = screen.getByTestId('sign-in-needed');
      expect(note.textContent).toContain(setting);
      expect(within(note).queryByRole('button')).toBeNull();
    },
  );
});

/** The demo's server: no token with a role, every read open to this machine (`public_read: all`). */
function demoServer(req: SeenRequest) {
  if (req.url === '/api/auth/me' && !req.authorization) {
    return {
      body: { role: null, alerts: false, signed_in: false, readers_configured: false, public_read: 'all' },
    };
  }
  return openReads(req);
}

// Found on the demo (`npm start`) on a phone: under the visible pipeline, the note of the disabled
// "Run now" said the server "shows this page to nobody yet".
describe('PipelinePage on the demo, whose reads are open and where nobody can sign in', () => {
  it.each([
    ['en', 'Nobody can do this here yet', 'SODAI_ADMIN_TOKEN', 'shows this page to nobody'],
    ['es', 'Nadie puede hacer esto aquí todavía', 'SODAI_ADMIN_TOKEN', 'no muestra esta página a nadie'],
  ] as const)(
    'shows the pipeline and says why nobody can run it, not that the page is hidden (%s)',
    async (lang, said, setting, wrong) => {
      renderApp(<PipelinePage />, demoServer, lang);
      await waitFor(() => expect(screen.getAllByTestId('sign-in-needed')[0]!.textContent).toContain(said));
      for (const note of screen.getAllByTestId('sign-in-needed')) {
        expect(note.textContent).toContain(setting);
        expect(note.textContent).not.toContain(wrong);
        expect(within(note).queryByRole('button')).toBeNull();
      }
      expect(
        screen.getAllByRole('button', { name: lang === 'en' ? 'Run now' : 'Ejecutar ahora' })[0],
      ).toHaveProperty('disabled', true);
    },
  );
});
