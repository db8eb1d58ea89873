// @vitest-environment node
// Every page at a desktop and a phone size, in both languages: nothing wider than the screen, no word
// of the other language on screen. Screenshots go to e2e/screenshots/layout/ (git-ignored).
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium } from './browser.ts';
import { surveyPages, type Pair } from './page-survey.ts';
import { E2E_ADMIN_TOKEN, ensureWebBuild, startServerFixture, type ServerFixture } from './server-fixture.ts';

const runnable = existsSync(CHROMIUM) || process.env.SODAI_REQUIRE_SERVICES === '1';
const SHOTS = fileURLToPath(new URL('./screenshots/layout', import.meta.url));

let server: ServerFixture;
let chromium: { context: BrowserContext; close(): Promise<void> };
let page: Page;
let pair: Pair;

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
});
