// @vitest-environment node
// Every page at a desktop and a phone size, in both languages: nothing wider than the screen, no word
// of the other language on screen. Screenshots go to e2e/screenshots/layout/ (git-ignored).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './browser.ts';
import { LANGS, setLanguage, surveyPages, type Pair } from './page-survey.ts';
import { E2E_ADMIN_TOKEN, ensureWebBuild, startServerFixture, type ServerFixture } from './server-fixture.ts';

const runnable = existsSync(CHROMIUM) || process.env.SODAI_REQUIRE_SERVICES === '1';
const SHOTS = fileURLToPath(new URL('./screenshots/layout', import.meta.url));

let server: ServerFixture;
let chromium: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let pair: Pair;

/**
 * Opens a page loaded afresh: going to another hash of the same document does not reload it, so the
 * token in sessionStorage would go unread and a conversation would carry over.
 */
async function openFresh(route: string): Promise<void> {
  await page.goto(`${server.baseUrl}/#/${route}`);
  await page.reload();
  await page.locator('main h1').waitFor();
}

describe.skipIf(!runnable)('every page, both sizes, both languages', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    await ensureWebBuild();
    server = await startServerFixture();
    chromium = await launchChromium();
    page = await chromium.context.newPage();
    const stored = (await (
      await fetch(`${server.baseUrl}/api/predictions?limit=1&predicted_only=true`)
    ).json()) as { predictions: Pair[] };
    pair = stored.predictions[0]!;
    // Signed in, so the admin parts of each page are on screen too.
    await page.goto(`${server.baseUrl}/`);
    await page.evaluate((token) => sessionStorage.setItem('sodai.adminToken', token), E2E_ADMIN_TOKEN);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it(
    'never scrolls sideways and never shows a word of the other language',
    { timeout: 600_000 },
    async () => {
      const { overflows, leaks } = await surveyPages(page, server.baseUrl, pair, SHOTS);
      // Listed in the output so a failure says what to translate, page by page.
      if (leaks.length > 0)
        console.log(leaks.map((l) => `${l.where}: "${l.word}" in "${l.text}"`).join('\n'));
      expect(overflows).toEqual([]);
      expect(leaks).toEqual([]);
    },
  );

  it('on a phone the header stays compact, with the menu, ES/EN and the session controls at hand', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of LANGS) {
      await openFresh('predict');
      await setLanguage(page, lang);
      // Signed in as admin, the longest header there is: it once took 190 px of the 844.
      const header = (await page.locator('header.topbar').boundingBox())!;
      expect(header.height, `${lang}: header height`).toBeLessThanOrEqual(110);
      const title = (await page.locator('main h1').boundingBox())!;
      expect(title.y, `${lang}: the page title's top`).toBeLessThan(200);
      // Every page of the menu is reachable: the last one is scrolled to and opened.
      await page.locator('header nav a').last().click();
      await page.waitForURL(/#\/monitoring$/);
      // The language buttons are on screen and work.
      await setLanguage(page, lang === 'es' ? 'en' : 'es');
      await setLanguage(page, lang);
      // The session's buttons are one tap away, on screen once shown.
      const header2 = page.locator('header.topbar');
      const switchName = lang === 'es' ? 'Cambiar token' : 'Switch token';
      const signOutName = lang === 'es' ? 'Cerrar sesión' : 'Sign out';
      const switchButton = header2.getByRole('button', { name: switchName });
      if (!(await switchButton.isVisible())) await page.getByTestId('session-toggle').click();
      for (const name of [switchName, signOutName]) {
        const box = (await header2.getByRole('button', { name }).boundingBox())!;
        expect(box.x + box.width, `${lang}: ${name} within the screen`).toBeLessThanOrEqual(390);
        expect(box.y + box.height).toBeLessThanOrEqual(844);
      }
      await switchButton.click();
      await page
        .getByRole('dialog')
        .getByRole('button', { name: lang === 'es' ? 'Cancelar' : 'Cancel' })
        .click();
    }
    await page.screenshot({ path: `${SHOTS}/phone-header.png` });
  });

  it('on a laptop the header is one row with every page of the menu; narrower, two rows', async () => {
    const menuFits = async (width: number, where: string) => {
      for (const link of await page.locator('header nav a').all()) {
        const box = (await link.boundingBox())!;
        expect(box.x + box.width, `${where}: "${await link.textContent()}" on screen`).toBeLessThanOrEqual(
          width,
        );
      }
      const { scrollWidth } = await page.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
      }));
      expect(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(width);
    };
    // Signed in (the session behind one button) and signed out ("Iniciar sesión", the wider of the two).
    for (const signedIn of [true, false]) {
      if (!signedIn) {
        await page.evaluate(() => sessionStorage.removeItem('sodai.adminToken'));
      }
      for (const lang of LANGS) {
        for (const width of [1920, 1366, 1280]) {
          const where = `${lang} ${width} px${signedIn ? ', signed in' : ''}`;
          await page.setViewportSize({ width, height: 768 });
          await openFresh('predict');
          await setLanguage(page, lang);
          // One row was 54 px; wrapped, the 1366 px header took 96.
          const header = (await page.locator('header.topbar').boundingBox())!;
          expect(header.height, `${where}: header height`).toBeLessThanOrEqual(60);
          await menuFits(width, where);
        }
        await page.setViewportSize({ width: 1024, height: 768 });
        await openFresh('predict');
        await setLanguage(page, lang);
        // Two rows (it was three): the name and the tools, then the whole menu without scrolling it.
        const header = (await page.locator('header.topbar').boundingBox())!;
        expect(header.height, `${lang} 1024 px: header height`).toBeLessThanOrEqual(100);
        await menuFits(1024, `${lang} 1024 px`);
        await page.screenshot({ path: `${SHOTS}/${lang}-1024-header${signedIn ? '-signed-in' : ''}.png` });
      }
    }
    await page.evaluate((token) => sessionStorage.setItem('sodai.adminToken', token), E2E_ADMIN_TOKEN);
    // Below 1600 px the session's controls open from one button, on screen once opened.
    await page.setViewportSize({ width: 1280, height: 768 });
    await openFresh('predict');
    await setLanguage(page, 'en');
    const signOut = page.locator('header.topbar').getByRole('button', { name: 'Sign out' });
    expect(await signOut.isVisible()).toBe(false);
    await page.getByTestId('session-toggle').click();
    const box = (await signOut.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  });

  it('on a phone the chat input shows without scrolling past the example questions', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of LANGS) {
      await openFresh('chat');
      await setLanguage(page, lang);
      await page.locator('.chips button').first().waitFor();
      await page.waitForLoadState('networkidle');
      const input = (await page.locator('.chat-input input').boundingBox())!;
      expect(input.y + input.height, `${lang}: the input's bottom`).toBeLessThanOrEqual(844);
      // An example is still one tap away and asks its question.
      await page.locator('.chips button').first().click();
      await page.getByTestId('chat-answer').first().waitFor();
    }
  });
});
