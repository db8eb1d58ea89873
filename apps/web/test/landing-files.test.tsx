import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LandingFile } from '../src/api/contract.ts';
import { fileSize } from '../src/pages/upload/file-size.ts';
import UploadPage from '../src/pages/upload/upload-page.tsx';
import { renderApp, type SeenRequest } from './render.tsx';

// The refused-batch alert said "remove it from the landing", and the Upload page offered no way to
// see what the landing held or to remove a file.
const TOKEN = 'tok-0123456789abcdef';

afterEach(() => {
  cleanup();
  window.sessionStorage.clear();
});

const file = (name: string, state: LandingFile['state'], batch: string | null): LandingFile => ({
  name,
  bytes: 2048,
  modified_at: '2024-12-30T08:00:00Z',
  state,
  batch_id: batch,
  message: state === 'refused' ? 'missing column "items"' : null,
  checked_at: batch ? '2024-12-30T09:00:00Z' : null,
});

/** An operator on the Upload page over a landing that holds `files` until one is removed. */
function landingOf(files: LandingFile[], role = 'operator', lang: 'es' | 'en' = 'es', where = 'landing') {
  window.sessionStorage.setItem('sodai.adminToken', TOKEN);
  let held = [...files];
  return renderApp(
    <UploadPage />,
    (req: SeenRequest) => {
      if (req.url === '/api/auth/me') return { body: { role, alerts: true, signed_in: true } };
      if (req.url === '/api/admin/landing') return { body: { where, files: held } };
      const removed = /^\/api\/admin\/landing\/(.+)$/.exec(req.url);
      if (removed && req.method === 'DELETE') {
        const name = decodeURIComponent(removed[1]!);
        const was = held.find((f) => f.name === name)!;
        held = held.filter((f) => f !== was);
        return { body: { removed: name, state: was.state } };
      }
      if (req.url.startsWith('/api/reports/ingest/'))
        return { status: 404, body: { code: 'NOT_FOUND', message: 'no report' } };
      return { body: [] };
    },
    lang,
  );
}

describe('the files in the landing, on the Upload page', () => {
  it('lists each file with its state in the reader language', async () => {
    landingOf([
      file('week-2024-12-16.parquet', 'ingested', 'b1'),
      file('week-2024-12-23.csv', 'refused', 'b2'),
      file('week-2024-12-30.parquet', 'waiting', null),
    ]);
    const table = await screen.findByRole('table', {
      name: 'Archivos de lotes en la entrada y qué pasó con cada uno',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) => [
        within(r).getByText(/^week-/).textContent,
        within(r).getByText(/cargado|rechazado|en espera/).textContent,
      ]),
    ).toEqual([
      ['week-2024-12-16.parquet', 'cargado'],
      ['week-2024-12-23.csv', 'rechazado'],
      ['week-2024-12-30.parquet', 'en espera'],
    ]);
    // A file no run has read has no report to open.
    expect(within(rows[2]!).queryByRole('button', { name: 'Ver el informe' })).toBeNull();
    expect(within(rows[1]!).getByRole('button', { name: 'Ver el informe' })).toBeTruthy();
  });

  it('removes a refused file after asking, with the operator token, and lists the landing again', async () => {
    const { seen } = landingOf(
      [file('week-2024-12-16.parquet', 'ingested', 'b1'), file('week-2024-12-23.csv', 'refused', 'b2')],
      'operator',
      'en',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Remove week-2024-12-23.csv' }));
    expect(
      screen.getByText('Remove week-2024-12-23.csv from the landing? No run will read it again.'),
    ).toBeTruthy();
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, remove it' }));
    expect(await screen.findByText('week-2024-12-23.csv was removed from the landing.')).toBeTruthy();
    const removal = seen.find((r) => r.method === 'DELETE')!;
    expect(removal.url).toBe('/api/admin/landing/week-2024-12-23.csv');
    expect(removal.authorization).toBe(`Bearer ${TOKEN}`);
    await vi.waitFor(() => expect(screen.queryByText('week-2024-12-23.csv')).toBeNull());
    expect(screen.getByText('week-2024-12-16.parquet')).toBeTruthy();
  });

  it('cancelling removes nothing; an ingested file says its data stays', async () => {
    const { seen } = landingOf([file('week-2024-12-16.parquet', 'ingested', 'b1')]);
    fireEvent.click(await screen.findByRole('button', { name: 'Quitar week-2024-12-16.parquet' }));
    expect(
      screen.getByText('¿Quitar week-2024-12-16.parquet de la entrada? Sus datos ya cargados se quedan.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    expect(screen.getByText('week-2024-12-16.parquet')).toBeTruthy();
  });

  it('names the bucket prefix of an S3 landing, and nothing for the server folder', async () => {
    landingOf([], 'operator', 'en', 's3://sales/landing');
    expect(await screen.findByText('There is no file in the landing.')).toBeTruthy();
    expect(screen.getByText('s3://sales/landing')).toBeTruthy();
    cleanup();
    landingOf([], 'operator', 'en');
    expect(await screen.findByText('There is no file in the landing.')).toBeTruthy();
    expect(screen.queryByText(/S3 storage prefix/)).toBeNull();
  });

  it('a reader, who may not upload, is not shown the landing', async () => {
    const { seen } = landingOf([file('week-2024-12-16.parquet', 'ingested', 'b1')], 'reader');
    await vi.waitFor(() => expect(seen.some((r) => r.url === '/api/auth/me')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('landing-files')).toBeNull();
    expect(seen.some((r) => r.url === '/api/admin/landing')).toBe(false);
  });
});

describe('file sizes on the Upload page', () => {
  const num = (v: number, digits = 0) =>
    v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  it.each([
    [27, '27 B'],
    [2048, '2.0 KiB'],
    [5 * 1024 * 1024 + 300 * 1024, '5.3 MiB'],
  ])('%d bytes read as %s, not a fraction of a KiB or thousands of them', (bytes, shown) => {
    expect(fileSize(bytes, num)).toBe(shown);
  });
});
