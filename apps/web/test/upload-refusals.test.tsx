import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UploadPage from '../src/pages/upload/upload-page.tsx';
import { renderApp, type SeenRequest } from './render.tsx';

const TOKEN = 'tok-0123456789abcdef';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
  vi.unstubAllGlobals();
});

/** An XMLHttpRequest whose every upload the server refuses with `status` and `code`. */
function refusedWith(status: number, code: string) {
  return class {
    readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = status;
    statusText = '';
    responseText = JSON.stringify({ code, message: 'refused' });
    open() {}
    setRequestHeader() {}
    send() {
      queueMicrotask(() => this.onload?.());
    }
  };
}

/** The server as an operator sees it, over an empty landing. */
const asOperator = (req: SeenRequest) => {
  if (req.url === '/api/auth/me') return { body: { role: 'operator', alerts: true, signed_in: true } };
  if (req.url === '/api/admin/landing') return { body: { where: 'landing', files: [] } };
  return { body: [] };
};

/** Signs in as operator, picks a batch and sends it; returns the page's error note. */
async function uploadRefused(lang: 'es' | 'en', pick: string, send: string) {
  window.sessionStorage.setItem('sodai.adminToken', TOKEN);
  renderApp(<UploadPage />, asOperator, lang);
  const file = new File(['customer_id,product_id\n1,2\n'], 'week-2024-06-17.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(pick), { target: { files: [file] } });
  const button = screen.getByRole('button', { name: send });
  await vi.waitFor(() => expect(button).toHaveProperty('disabled', false));
  fireEvent.click(button);
  return screen.findByRole('alert');
}

/**
 * An XMLHttpRequest for a landing folder where `week-2024-06-17.csv` is already waiting: a plain
 * upload is refused as the server refuses it, one with ?replace=true is taken.
 */
function landingWithWaitingFile(urls: string[]) {
  return class {
    readonly upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    status = 0;
    statusText = '';
    responseText = '';
    #url = '';
    open(_method: string, url: string) {
      this.#url = url;
    }
    setRequestHeader() {}
    send() {
      urls.push(this.#url);
      const replacing = this.#url.endsWith('?replace=true');
      this.status = replacing ? 200 : 409;
      this.responseText = JSON.stringify(
        replacing
          ? { path: this.#url, bytes: 27 }
          : {
              code: 'ALREADY_EXISTS',
              message:
                'landing/week-2024-06-17.csv is already waiting to be ingested; send ?replace=true to overwrite it',
            },
      );
      queueMicrotask(() => this.onload?.());
    }
  };
}

describe('uploading a file whose name is already waiting to be checked', () => {
  it.each([
    {
      lang: 'es',
      pick: 'Elegir archivo',
      send: 'Subir',
      says: 'Ya hay un archivo con ese nombre esperando a que el flujo semanal lo revise.',
      replace: 'Sustituir el archivo en espera por este',
    },
    {
      lang: 'en',
      pick: 'Choose file',
      send: 'Upload',
      says: 'A file of that name is already waiting for the weekly pipeline to check it.',
      replace: 'Replace the waiting file with this one',
    },
  ] as const)('says so and offers to replace it, which sends it again with replace ($lang)', async (c) => {
    const urls: string[] = [];
    vi.stubGlobal('XMLHttpRequest', landingWithWaitingFile(urls));
    window.sessionStorage.setItem('sodai.adminToken', TOKEN);
    renderApp(<UploadPage />, asOperator, c.lang);
    const file = new File(['customer_id,product_id\n1,2\n'], 'week-2024-06-17.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(c.pick), { target: { files: [file] } });
    const send = screen.getByRole('button', { name: c.send });
    await vi.waitFor(() => expect(send).toHaveProperty('disabled', false));
    fireEvent.click(send);
    expect((await screen.findByRole('alert')).querySelector('strong')?.textContent).toBe(c.says);
    fireEvent.click(screen.getByRole('button', { name: c.replace }));
    expect(await screen.findByTestId('upload-waiting')).toBeTruthy();
    expect(urls).toEqual([
      '/api/admin/landing/week-2024-06-17.csv',
      '/api/admin/landing/week-2024-06-17.csv?replace=true',
    ]);
  });
});

describe('an upload the server cannot take says why, in the page language', () => {
  it('a file over the size limit (BODY_TOO_LARGE), in Spanish', async () => {
    vi.stubGlobal('XMLHttpRequest', refusedWith(413, 'BODY_TOO_LARGE'));
    const note = await uploadRefused('es', 'Elegir archivo', 'Subir');
    expect(within(note).getByText(/^El archivo es demasiado grande para el servidor/)).toBeTruthy();
  });

  it('a full or read-only disk (STORAGE_UNAVAILABLE), in English', async () => {
    vi.stubGlobal('XMLHttpRequest', refusedWith(503, 'STORAGE_UNAVAILABLE'));
    const note = await uploadRefused('en', 'Choose file', 'Upload');
    expect(within(note).getByText(/^The server cannot write its files/)).toBeTruthy();
  });
});
