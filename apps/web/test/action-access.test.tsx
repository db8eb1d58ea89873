import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ModelsPage from '../src/pages/models/models-page.tsx';
import UploadPage from '../src/pages/upload/upload-page.tsx';
import { renderApp, type Route, type SeenRequest } from './render.tsx';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  vi.unstubAllGlobals();
});

const TOKEN = 'tok-0123456789abcdef';

/** Keeps TOKEN in the tab, as after a sign-in, so the page asks the server what it may do. */
const signedIn = () => window.sessionStorage.setItem('sodai.adminToken', TOKEN);

/** The server's answer to "what is this token?": `role` for TOKEN (null: the alerts-only token). */
function tokenRole(role: 'reader' | 'operator' | 'admin' | null): Route {
  return (req) =>
    req.url === '/api/auth/me' && req.authorization === `Bearer ${TOKEN}`
      ? { body: { role, alerts: role !== 'reader', signed_in: true } }
      : undefined;
}

/**
 * TOKEN's role as the server will say it once `release` is called: until then the page does not know
 * what the kept token may do.
 */
function heldRole(role: 'operator' | 'admin', reads: Route): { route: Route; release(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return {
    route: (req) => (req.url === '/api/auth/me' ? promise.then(() => tokenRole(role)(req)) : reads(req)),
    release: () => resolve(),
  };
}

/** The answer of the first route that has one. */
const firstOf =
  (...routes: Route[]): Route =>
  (req) =>
    routes.map((route) => route(req)).find((answer) => answer !== undefined);

/** Expects `button` off and pointing at the page's one note, which says `text`. */
function expectOffWithNote(button: HTMLElement, text: string) {
  const notes = screen.getAllByTestId('sign-in-needed');
  expect(notes).toHaveLength(1);
  expect(notes[0]?.textContent).toContain(text);
  expect(button).toHaveProperty('disabled', true);
  expect(button.getAttribute('aria-describedby')).toBe(notes[0]?.id);
}

/** An XMLHttpRequest (the upload's, for its progress) that records each upload and accepts it. */
function fakeXhr(uploads: { url: string; authorization: string | null }[]) {
  return class {
    readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    #url = '';
    #authorization: string | null = null;
    open(_method: string, url: string) {
      this.#url = url;
    }
    setRequestHeader(name: string, value: string) {
      if (name === 'authorization') this.#authorization = value;
    }
    send() {
      uploads.push({ url: this.#url, authorization: this.#authorization });
      this.status = 200;
      this.responseText = JSON.stringify({ path: this.#url, bytes: 27 });
      queueMicrotask(() => this.onload?.());
    }
  };
}

describe('UploadPage', () => {
  function chooseBatch(label: string) {
    const file = new File(['customer_id,product_id\n1,2\n'], 'week-2024-06-17.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
  }

  it('not signed in: Upload is off and the note says an operator or admin sign-in is needed, not "admin"', () => {
    renderApp(<UploadPage />, () => undefined, 'en');
    chooseBatch('Choose file');
    expectOffWithNote(
      screen.getByRole('button', { name: 'Upload' }),
      'You are not signed in: uploading a batch needs an operator or admin sign-in.',
    );
    expect(document.body.textContent).not.toContain('Sign in as admin');
  });

  it('signed in as reader: Upload stays off and the note says so', async () => {
    signedIn();
    renderApp(<UploadPage />, tokenRole('reader'), 'en');
    chooseBatch('Choose file');
    const text = 'You are signed in as reader: uploading a batch needs an operator or admin sign-in.';
    await screen.findByText(text);
    expectOffWithNote(screen.getByRole('button', { name: 'Upload' }), text);
  });

  it('signed in for alerts only: Upload stays off and the note says so, in Spanish', async () => {
    signedIn();
    renderApp(<UploadPage />, tokenRole(null), 'es');
    chooseBatch('Elegir archivo');
    const text =
      'Su sesión es solo de alertas: para subir un lote necesita una sesión de operación o de administración.';
    await screen.findByText(text);
    expectOffWithNote(screen.getByRole('button', { name: 'Subir' }), text);
  });

  it('signed in as operator: Upload comes on once the server says so, and sends the batch with the token', async () => {
    const uploads: { url: string; authorization: string | null }[] = [];
    vi.stubGlobal('XMLHttpRequest', fakeXhr(uploads));
    signedIn();
    const server = heldRole('operator', () => undefined);
    const { seen } = renderApp(<UploadPage />, server.route, 'en');
    chooseBatch('Choose file');
    const upload = screen.getByRole('button', { name: 'Upload' });
    // Until the server has said what the kept token is, Upload is not offered (nor a note guessed).
    await waitFor(() => expect(seen.map((r) => r.url)).toContain('/api/auth/me'));
    expect(upload).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('sign-in-needed')).toBeNull();
    server.release();
    await waitFor(() => expect(upload).toHaveProperty('disabled', false));
    expect(upload.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByTestId('sign-in-needed')).toBeNull();
    fireEvent.click(upload);
    await screen.findByTestId('upload-waiting');
    expect(uploads).toEqual([
      { url: '/api/admin/landing/week-2024-06-17.csv', authorization: `Bearer ${TOKEN}` },
    ]);
  });
  it('signed in as operator with no file yet: Upload is off and says to choose one, not a greyed button alone', async () => {
    signedIn();
    renderApp(<UploadPage />, tokenRole('operator'), 'es');
    const upload = screen.getByRole('button', { name: 'Subir' });
    const hint = await screen.findByText('Elija un archivo (o suéltelo arriba) para subirlo.');
    expect(upload).toHaveProperty('disabled', true);
    expect(upload.getAttribute('aria-describedby')).toBe(hint.id);
    chooseBatch('Elegir archivo');
    await waitFor(() => expect(upload).toHaveProperty('disabled', false));
    expect(screen.queryByText('Elija un archivo (o suéltelo arriba) para subirlo.')).toBeNull();
  });
});

describe('ModelsPage promote and roll back', () => {
  const model = {
    model: { name: 'weekly-purchase', description: '' },
    versions: [1, 2].map((version) => ({
      modelName: 'weekly-purchase',
      version,
      runId: `r${version}`,
      metrics: {},
      description: '',
      status: 'READY',
      createdAt: version,
      signature: null,
    })),
    aliases: [{ alias: 'champion', version: 2, updatedAt: 0 }],
  };
  const move = (version: number) => ({
    seq: version,
    version,
    action: 'set',
    startedAt: version,
    endedAt: version === 2 ? null : 2,
    actor: 'cli',
    reason: 'trained',
    gate: null,
  });

  /** The model's reads, with an earlier champion to roll back to, and a server that promotes. */
  function modelReads(req: SeenRequest) {
    if (req.url.endsWith('/history')) return { body: [move(1), move(2)] };
    if (req.url === '/api/tracking/models/weekly-purchase') return { body: model };
    if (req.url === '/api/admin/promote')
      return { body: { alias: 'champion', version: 1, serving_version: 1 } };
    return undefined;
  }

  /** Fills both forms once the champion's history is read, so only the sign-in can keep their buttons off. */
  async function fillBoth(lang: 'en' | 'es') {
    const [promoteName, rollbackName, versionLabel, reasonLabel] =
      lang === 'en'
        ? ['Promote', 'Roll back', 'Version to promote', 'Reason']
        : ['Promover', 'Volver atrás', 'Versión a promover', 'Motivo'];
    await screen.findByTestId('alias-timeline');
    const promoteForm = await screen.findByRole('form', { name: promoteName });
    const rollbackForm = screen.getByRole('form', { name: rollbackName });
    fireEvent.change(screen.getByLabelText(versionLabel), { target: { value: '1' } });
    fireEvent.change(within(promoteForm).getByLabelText(reasonLabel), { target: { value: 'v1 is safer' } });
    fireEvent.change(within(rollbackForm).getByLabelText(reasonLabel), {
      target: { value: 'v2 misbehaves' },
    });
    return {
      promote: within(promoteForm).getByRole('button', { name: promoteName }),
      rollback: within(rollbackForm).getByRole('button', { name: rollbackName }),
    };
  }

  it('not signed in: both are off and the note says an admin sign-in is needed', async () => {
    renderApp(<ModelsPage />, modelReads, 'es');
    const { promote, rollback } = await fillBoth('es');
    const text =
      'No ha iniciado sesión: para promover una versión o volver atrás necesita una sesión de administración.';
    expectOffWithNote(promote, text);
    expectOffWithNote(rollback, text);
  });

  it.each([
    [
      'as reader',
      'reader',
      'You are signed in as reader: promoting a version or rolling back needs an admin sign-in.',
    ],
    [
      'for alerts only',
      null,
      'You are signed in for alerts only: promoting a version or rolling back needs an admin sign-in.',
    ],
  ] as const)(
    'signed in %s: both are off and the note says an admin sign-in is needed',
    async (_who, role, text) => {
      signedIn();
      renderApp(<ModelsPage />, firstOf(tokenRole(role), modelReads), 'en');
      const { promote, rollback } = await fillBoth('en');
      await screen.findByText(text);
      expectOffWithNote(promote, text);
      expectOffWithNote(rollback, text);
    },
  );

  it('signed in as operator: both are off and the note says what an operator may do and that this needs an admin', async () => {
    signedIn();
    renderApp(<ModelsPage />, firstOf(tokenRole('operator'), modelReads), 'en');
    const { promote, rollback } = await fillBoth('en');
    const text =
      'You are signed in as operator: you can run the weekly pipeline and upload batches, but changing the model in service needs an admin sign-in.';
    await screen.findByText(text);
    expectOffWithNote(promote, text);
    expectOffWithNote(rollback, text);
    cleanup();
    signedIn();
    renderApp(<ModelsPage />, firstOf(tokenRole('operator'), modelReads), 'es');
    await screen.findByText(
      'Su sesión es de operación: puede lanzar el flujo semanal y subir lotes, pero para cambiar el modelo en servicio necesita una sesión de administración.',
    );
  });

  it('signed in as admin: promote comes on once the server says so, and promotes with the token', async () => {
    signedIn();
    const server = heldRole('admin', modelReads);
    const { seen } = renderApp(<ModelsPage />, server.route, 'en');
    const { promote, rollback } = await fillBoth('en');
    // Until the server has said what the kept token is, promote is not offered (nor a note guessed).
    expect(promote).toHaveProperty('disabled', true);
    expect(screen.queryByTestId('sign-in-needed')).toBeNull();
    server.release();
    await waitFor(() => expect(promote).toHaveProperty('disabled', false));
    expect(rollback).toHaveProperty('disabled', false);
    expect(promote.getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByTestId('sign-in-needed')).toBeNull();
    fireEvent.click(promote);
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Confirm' }));
    expect((await screen.findByRole('status')).textContent).toBe('Done: the champion is v1; v1 is serving.');
    expect(seen.find((r) => r.url === '/api/admin/promote')).toMatchObject({
      body: { version: 1, reason: 'v1 is safer' },
      authorization: `Bearer ${TOKEN}`,
    });
  });

  it('signed in as admin with the forms empty: each button says what it still needs', async () => {
    signedIn();
    renderApp(<ModelsPage />, firstOf(tokenRole('admin'), modelReads), 'en');
    const promoteHint = await screen.findByText('To promote, choose a version and write the reason.');
    const rollbackHint = screen.getByText('To roll back, write the reason.');
    const promoteForm = screen.getByRole('form', { name: 'Promote' });
    const rollbackForm = screen.getByRole('form', { name: 'Roll back' });
    expect(
      within(promoteForm).getByRole('button', { name: 'Promote' }).getAttribute('aria-describedby'),
    ).toBe(promoteHint.id);
    expect(
      within(rollbackForm).getByRole('button', { name: 'Roll back' }).getAttribute('aria-describedby'),
    ).toBe(rollbackHint.id);
    const { promote, rollback } = await fillBoth('en');
    expect(promote).toHaveProperty('disabled', false);
    expect(rollback).toHaveProperty('disabled', false);
    expect(screen.queryByText('To promote, choose a version and write the reason.')).toBeNull();
    expect(screen.queryByText('To roll back, write the reason.')).toBeNull();
  });
});
