// @vitest-environment node
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './browser.ts';
import { E2E_ADMIN_TOKEN, ensureWebBuild, startServerFixture, type ServerFixture } from './server-fixture.ts';

// Without Chromium the suite skips, unless CI requires it (`.ci/run` installs Debian's chromium).
const runnable = existsSync(CHROMIUM) || process.env.SODAI_REQUIRE_SERVICES === '1';

const SHOTS = fileURLToPath(new URL('./screenshots', import.meta.url));

let server: ServerFixture;
let chromium: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let topPair: { customer_id: number; product_id: number };

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the header's dialog (the token then lives in this tab's sessionStorage). */
async function signIn(): Promise<void> {
  if ((await page.getByTestId('signed-in').count()) > 0) return;
  await page.locator('header').getByRole('button', { name: 'Iniciar sesión' }).click();
  await page.getByRole('dialog').getByLabel('Token de acceso').fill(E2E_ADMIN_TOKEN);
  await page.getByRole('dialog').getByRole('button', { name: 'Entrar' }).click();
  // Below 1600 px the role sits behind the header's "Sesión" button: signed in, it is there, not shown.
  await page.getByTestId('signed-in').waitFor({ state: 'attached' });
}

async function open(route: string): Promise<void> {
  await page.goto(`${server.baseUrl}/#/${route}`);
  await page.locator('main h1').waitFor();
}

describe.skipIf(!runnable)('the web UI in Chromium against sodai serve', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuild();
    server = await startServerFixture();
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    const stored = (await (
      await fetch(`${server.baseUrl}/api/predictions?limit=1&predicted_only=true`)
    ).json()) as {
      predictions: { customer_id: number; product_id: number }[];
    };
    topPair = stored.predictions[0]!;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('serves the app at / and switches between Spanish and English', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect(page.getByRole('link', { name: 'Predecir' }).count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('link', { name: 'Predict' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByRole('button', { name: 'ES', exact: true }).click();
    await page.getByRole('link', { name: 'Predecir' }).waitFor();
  });

  it('makes a prediction with its probability, decision and contributions chart', async () => {
    await open('predict');
    await page.getByLabel('Cliente').fill(String(topPair.customer_id));
    await page.getByLabel('Producto').fill(String(topPair.product_id));
    await page.getByRole('button', { name: 'Calcular probabilidad' }).click();
    const probability = await page.getByTestId('probability').textContent();
    expect(probability).toMatch(/^\d{1,3}(,\d)?\s?%$/);
    // The top stored prediction is a predicted purchase, so the decision says "will buy".
    await expect(page.getByTestId('decision').textContent()).resolves.toBe(
      'Probablemente comprará la próxima semana',
    );
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(2);
    await shot('predict');
  });

  it('gets recommendations, with reasons, and exports them as CSV', async () => {
    await open('recommend');
    await page.getByLabel('Cliente').fill(String(topPair.customer_id));
    await page.getByLabel('Cuántos productos').fill('5');
    await page.getByRole('button', { name: 'Recomendar' }).click();
    const rows = page.getByTestId('recommendations').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(5);
    expect((await rows.first().locator('td.reason').textContent())!.length).toBeGreaterThan(5);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    // Spanish Excel: a UTF-8 BOM, `;` between fields, headers in Spanish, decimal commas.
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(csv[0]).toBe('cliente;puesto;producto;puntuación;origen;marca;categoría;segmento;envase;motivo');
    expect(csv).toHaveLength(6);
    expect(csv[1]!.split(';')[3]).toMatch(/^0,\d+$/);
    await shot('recommend');
  });

  it('answers a chat question with the figures in a table', async () => {
    await open('chat');
    // The examples are grouped by family (the first of each a chip, the others behind "Más ejemplos") and name a real
    // customer of the week.
    await page.getByTestId('chat-examples').locator('summary').click();
    await page.getByRole('heading', { name: 'Ventas' }).waitFor();
    await page.getByLabel('Escriba su pregunta').fill('¿Cuántos clientes hay?');
    await page.keyboard.press('Enter');
    const answer = page.getByTestId('chat-answer').first();
    await answer.waitFor();
    expect(await answer.locator('p').first().textContent()).toMatch(/300/);
    expect(await answer.locator('table').count()).toBe(1);
    await page
      .getByLabel('Escriba su pregunta')
      .fill(`¿Qué le recomiendas al cliente ${topPair.customer_id}?`);
    await page.keyboard.press('Enter');
    const second = page.getByTestId('chat-answer').nth(1);
    await second.locator('table').first().waitFor();
    expect(await second.getByTestId('chat-based-on').textContent()).toMatch(/modelo v\d+/);
    // A follow-up keeps the customer: "¿por qué?" explains the first recommendation.
    await page.getByLabel('Escriba su pregunta').fill('¿por qué?');
    await page.keyboard.press('Enter');
    const third = page.getByTestId('chat-answer').nth(2);
    await third.locator('table').first().waitFor();
    expect(await third.locator('p').first().textContent()).toContain(String(topPair.customer_id));
    await third.getByRole('button', { name: 'Respuesta útil' }).click();
    await third.getByText('Gracias por su opinión').waitFor();
    await shot('chat');
    const stats = (await (await fetch(`${server.baseUrl}/api/chat/analytics?limit=50`)).json()) as {
      up: number;
      frequent: { text: string }[];
    };
    expect(stats.up).toBe(1);
    expect(stats.frequent.map((f) => f.text)).toContain('¿por qué?');
    // The same question, seen where a manager looks: the chat analytics panel of the page.
    await page.getByText('Qué pregunta la gente').click();
    await page.getByTestId('chat-analytics-frequent').getByText('¿por qué?').waitFor();
    await shot('chat-analytics');
  });

  it('shows an answer written over several lines as lines', async () => {
    // The help answer puts each thing one can ask on its own line; a plain paragraph ran them together.
    await open('chat');
    const before = await page.getByTestId('chat-answer').count();
    await page.getByLabel('Escriba su pregunta').fill('¿cómo te uso?');
    await page.keyboard.press('Enter');
    const help = page.getByTestId('chat-answer').nth(before);
    await help.waitFor();
    const lines = (await help.locator('p').first().innerText()).split('\n').filter((l) => l.trim() !== '');
    expect(lines.length).toBeGreaterThan(3);
  });

  it('promotes a model and rolls it back, each with a reason, and shows the history', async () => {
    await open('models');
    await page.getByTestId('champion').waitFor();
    expect(await page.getByTestId('champion').textContent()).toMatch(/v1$/);
    await signIn();
    await page.getByLabel('Versión a promover').selectOption('2');
    await page.getByRole('form', { name: 'Promover' }).getByLabel('Motivo').fill('prueba e2e: promover v2');
    await page.getByRole('button', { name: 'Promover', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Hecho: el champion es v2; sirve v2.').waitFor();
    await page.getByTestId('champion').filter({ hasText: 'v2' }).waitFor();
    await page
      .getByRole('form', { name: 'Volver atrás' })
      .getByLabel('Motivo')
      .fill('prueba e2e: volver a v1');
    await page.getByRole('button', { name: 'Volver atrás', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Confirmar' }).click();
    await page.getByText('Hecho: el champion es v1; sirve v1.').waitFor();
    await page.getByTestId('champion').filter({ hasText: 'v1' }).waitFor();
    const timeline = page.getByTestId('alias-timeline');
    await timeline.getByText('prueba e2e: volver a v1').waitFor();
    expect(await timeline.locator('li').count()).toBeGreaterThanOrEqual(3);
    await shot('models');
  });

  it('shows the ingested batches, a validation report and its quarantined rows', async () => {
    await open('data');
    const batches = page.getByTestId('ingestions').locator('tbody tr');
    await batches.first().waitFor();
    expect(await batches.count()).toBeGreaterThanOrEqual(5);
    // A batch with quarantined rows (last column): its report lists the checks and example rows.
    const quarantined = batches.filter({ has: page.locator('td:last-child', { hasNotText: /^0$/ }) });
    await quarantined.first().getByRole('button').click();
    const report = page.getByTestId('validation-report');
    await report.waitFor();
    expect(await report.locator('table').first().locator('tbody tr').count()).toBeGreaterThan(5);
    expect(await report.locator('table').count()).toBeGreaterThanOrEqual(2);
    await shot('data');
  });

  it('lists the runs, sorts them and compares two', async () => {
    await open('experiments');
    const rows = page.getByTestId('runs').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(4);
    await page.getByRole('button', { name: /^Nombre/ }).click();
    // Top-level runs follow the sort; each one's trials and gate stay right under it (↳).
    const names = await page.getByTestId('runs').locator('tbody tr td:nth-child(2)').allTextContents();
    const topLevel = names.filter((n) => !n.startsWith('↳'));
    expect(topLevel.length).toBeGreaterThan(1);
    expect(topLevel).toEqual([...topLevel].sort((a, b) => a.localeCompare(b)));
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    expect(await comparison.locator('thead th').count()).toBe(3);
    await shot('experiments');
  });

  it('at 390 px the Experiments runs are cards that never scroll sideways, sorted from a list', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open('experiments');
      const table = page.getByTestId('runs');
      const rows = table.locator('tbody tr');
      await rows.first().waitFor();
      // The table scrolled sideways inside its box (1,100 px of columns in 340).
      const box = await table.evaluate((t) => {
        const wrap = t.closest('.table-wrap')!;
        return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
      });
      expect(box.scroll).toBeLessThanOrEqual(box.client);
      // Each card holds its figures inside the screen, each under its name.
      const training = rows.filter({ hasNot: page.locator('.child-run') }).first();
      for (const cell of await training.locator('td').all()) {
        if (!(await cell.isVisible())) continue;
        const b = (await cell.boundingBox())!;
        expect(b.x + b.width).toBeLessThanOrEqual(390);
      }
      expect(await training.locator('td.run-metric[data-label="F1 (prueba)"]').isVisible()).toBe(true);
      await shot('experiments-390');
      // The column headers are off screen: the list sorts as they do, the button flips the order.
      await page.getByLabel('Ordenar por').selectOption({ label: 'F1 (prueba)' });
      const f1 = async () =>
        (
          await table
            .locator('tbody tr:not(.child-run) td.run-metric[data-label="F1 (prueba)"]')
            .allTextContents()
        )
          .filter((v) => v !== '—')
          .map((v) => Number(v.replace(',', '.')));
      const descending = await f1();
      expect(descending).toEqual([...descending].sort((a, b) => b - a));
      await page.getByRole('button', { name: 'Orden: descendente ▼' }).click();
      const ascending = await f1();
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows the weekly drift verdict, per-feature statistics and the histograms', async () => {
    await open('drift');
    await page.getByTestId('drift-weeks').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('feature-drift').locator('tbody tr').count()).toBeGreaterThan(5);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('drift');
  });

  it('shows requests, latency and predictions per model version', async () => {
    await open('monitoring');
    const routes = page.getByTestId('routes').locator('tbody tr');
    await routes.first().waitFor();
    // Named in words (the API's /predict and /api/predictions are one row), never by path.
    expect(await page.getByTestId('routes').getByText('Predicciones', { exact: true }).count()).toBe(1);
    expect(await page.getByTestId('routes').getByText('/predict', { exact: true }).count()).toBe(0);
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await shot('monitoring');
  });

  it('uploads a weekly batch by file picker and shows its validation report once checked', async () => {
    await open('upload');
    await signIn();
    const catalog = (await (await fetch(`${server.baseUrl}/api/ui/catalog`)).json()) as {
      customers: { id: number }[];
      products: { id: number }[];
    };
    const [c1, c2] = catalog.customers;
    const [p1, p2] = catalog.products;
    // Three sales of the week after the data, one of them sent twice (a system echo → quarantine).
    const csv = [
      'customer_id,product_id,order_id,purchase_date,items',
      `${c1!.id},${p1!.id},900001,2024-06-18,2`,
      `${c2!.id},${p2!.id},900002,2024-06-19,1`,
      `${c2!.id},${p2!.id},900002,2024-06-19,1`,
    ].join('\n');
    await page.locator('main input[type="file"]').setInputFiles({
      name: 'week-upload-e2e.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByTestId('chosen-file').filter({ hasText: 'week-upload-e2e.csv' }).waitFor();
    await page.getByRole('button', { name: 'Subir', exact: true }).click();
    await page.getByTestId('upload-waiting').waitFor();
    // The pipeline checks it (here without retraining, to keep the test short); the page shows the report.
    const started = await fetch(`${server.baseUrl}/api/admin/pipeline/dags/weekly/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ retrain: 'never' }),
    });
    expect(started.status).toBeLessThan(300);
    const report = page.getByTestId('validation-report');
    await report.waitFor({ timeout: 90_000 });
    expect(await report.textContent()).toContain('3 filas leídas: 2 aceptadas, 1 en cuarentena.');
    expect(await report.textContent()).toContain('copia exacta de una fila anterior del lote');
    await shot('upload');
  });

  it('charts the realized F1 of the serving version beside the best rule', async () => {
    // The fixture predicted a week, then its batches landed and the weekly run scored it.
    const realized = (await (await fetch(`${server.baseUrl}/api/monitor/realized`)).json()) as {
      weeks: { week: string; served: { metrics: { f1: number; top5_hits?: number } }[] }[];
    };
    expect(realized.weeks.length).toBeGreaterThan(0);
    await open('monitoring');
    const chart = page.getByTestId('realized-chart');
    // A single scored week draws a point, not a segment: wait for the line layers, then their dots.
    await chart.locator('.recharts-line').first().waitFor({ state: 'attached' });
    await chart.locator('.recharts-line-dot').first().waitFor();
    // One line per serving version and the rule's.
    expect(await chart.locator('.recharts-line').count()).toBeGreaterThanOrEqual(2);
    const rows = page.getByTestId('realized-weeks').locator('tbody tr');
    expect(await rows.count()).toBe(realized.weeks.length);
    const newest = realized.weeks.at(-1)!;
    await expect(rows.first().locator('td').first().textContent()).resolves.toBe(newest.week);
    // The same weeks in sales terms: products sold from each customer's top 5, against the rule's.
    const business = page.getByTestId('business-weeks').locator('tbody tr');
    expect(await business.count()).toBe(realized.weeks.length);
    const sold = newest.served[0]!.metrics.top5_hits!;
    await expect(business.first().locator('td').nth(2).textContent()).resolves.toBe(
      new Intl.NumberFormat('es-ES').format(sold),
    );
    await shot('monitoring-realized');
  });

  it("the Monitoring page does not scroll sideways at 390 px, its tables' boxes neither", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open('monitoring');
      await page.getByTestId('realized-chart').locator('.recharts-line-dot').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await shot('monitoring-390');
      expect(overflow).toBeLessThanOrEqual(0);
      // Nor inside their boxes: the weeks' and the server parts' tables scrolled sideways there; each
      // week and each part is a card now.
      await page.getByTestId('routes').locator('tbody tr').first().waitFor();
      for (const id of ['realized-weeks', 'business-weeks', 'routes']) {
        const table = page.getByTestId(id);
        const box = await table.evaluate((t) => {
          const wrap = t.closest('.table-wrap')!;
          return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
        });
        expect(box.scroll).toBeLessThanOrEqual(box.client);
        const card = table.locator('tbody tr').first();
        for (const cell of await card.locator('td').all()) {
          const b = (await cell.boundingBox())!;
          expect(b.x + b.width).toBeLessThanOrEqual(390);
        }
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('triggers a run of the weekly DAG and watches it finish, task by task', async () => {
    await open('pipeline');
    const weekly = page.getByTestId('dag-weekly');
    await weekly.getByTestId('next-run').waitFor();
    // The maintenance DAG is listed too, with its own button but nothing about training.
    await page.getByTestId('dag-maintenance').getByRole('button', { name: 'Ejecutar ahora' }).waitFor();
    expect(await page.getByTestId('dag-maintenance').getByLabel('Reentrenar').count()).toBe(0);
    // The runs list loads apart from the DAGs: count it only once it shows the fixture's runs (the
    // setup ran the weekly DAG), or the count is 0 while it loads and the new run is never "one more".
    const runs = page.getByTestId('pipeline-runs').locator('tbody tr');
    await runs.first().waitFor();
    const before = await runs.count();
    await weekly.getByLabel('Reentrenar').selectOption('never');
    await weekly.getByRole('button', { name: 'Ejecutar ahora' }).click();
    // The new run is listed first and shown; watch it until it finishes.
    await expect.poll(() => runs.count(), { timeout: 15_000 }).toBe(before + 1);
    await expect.poll(() => runs.first().getAttribute('class')).toBe('selected');
    await runs.first().locator('[data-run-state="success"]').waitFor({ timeout: 90_000 });
    await page.getByTestId('run-title').filter({ hasText: 'terminó bien' }).waitFor();
    expect(await page.getByTestId('dag-graph').locator('.react-flow__node').count()).toBeGreaterThan(8);
    expect(
      await page.getByTestId('dag-graph').locator('.react-flow__node.state-success').count(),
    ).toBeGreaterThan(3);
    await page.getByTestId('tasks').getByRole('button', { name: 'recibir lotes' }).click();
    await page.getByTestId('task-logs').waitFor();
    await shot('pipeline');
  });
});
