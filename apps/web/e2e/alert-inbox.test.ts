// @vitest-environment node
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './browser.ts';
import { E2E_ADMIN_TOKEN, ensureWebBuild, startServerFixture, type ServerFixture } from './server-fixture.ts';

const runnable = existsSync(CHROMIUM) || process.env.SODAI_REQUIRE_SERVICES === '1';

let server: ServerFixture;
let chromium: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

/** An open alert written where the server keeps them (the catalog database), as a rule would. */
function seedAlert(dir: string): void {
  const db = new Database(path.join(dir, '.sodai', 'catalog.db'));
  try {
    db.prepare(
      `INSERT INTO monitor_alerts (id, condition_key, rule, severity, state, summary, details, opened_at, last_seen_at)
       VALUES ('e2e-alert', 'weekly_run_failed', 'weekly_run_failed', 'critical', 'open',
               'weekly run 01a2b3c4-d5e6-7000-8000-abcdefabcdef failed: validate: the store has no transactions: load data first', '{}', ?, ?)`,
    ).run(Date.now(), Date.now());
  } finally {
    db.close();
  }
}

describe.skipIf(!runnable)('the alert inbox in Chromium at 390 px', () => {
  beforeAll(async () => {
    await ensureWebBuild();
    server = await startServerFixture();
    seedAlert(server.dir);
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('shows the alert in Spanish, acknowledges it, and never scrolls sideways', async () => {
    await page.goto(`${server.baseUrl}/#/monitoring`);
    await page.locator('main h1').waitFor();
    // The inbox is for operators: sign in as the UI does (a dialog, not a token box on every page).
    await page.locator('header').getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.getByRole('dialog').getByLabel('Token de acceso').fill(E2E_ADMIN_TOKEN);
    await page.getByRole('dialog').getByRole('button', { name: 'Entrar' }).click();
    // At 390 px the role sits behind the header's "Sesión" button: there, but not shown.
    await page.getByTestId('signed-in').waitFor({ state: 'attached' });
    await page.getByText('Falló la ejecución semanal').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The fixture's own weekly run may raise real alerts too (drift): act on the seeded one.
    const seeded = page.getByTestId('alert-weekly_run_failed');
    await seeded.getByRole('button', { name: 'Confirmar' }).click();
    await seeded.getByText(/Confirmada por admin@/).waitFor();
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByText('The weekly run failed').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
