import path from 'node:path';
import type { Page } from 'playwright-core';
import { foreignWords, type Leak } from './language-leaks.ts';

export const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
export const LANGS = ['es', 'en'] as const;
export type UiLang = (typeof LANGS)[number];

/** A customer and product the fixture has a stored prediction for. */
export interface Pair {
  readonly customer_id: number;
  readonly product_id: number;
}

/** What a survey of every page found: pages wider than the screen, and words of the other language. */
export interface SurveyFindings {
  readonly overflows: string[];
  readonly leaks: (Leak & { readonly where: string })[];
}

type Settle = (page: Page, lang: UiLang, pair: Pair) => Promise<void>;

/** What each page needs done before it shows its real content (a result, a report, a chart). */
const PAGES: Readonly<Record<string, Settle>> = {
  predict: async (page, lang, pair) => {
    // Asked in the other language, then switched: the explanation must follow without asking again.
    await setLanguage(page, lang === 'es' ? 'en' : 'es');
    await page.locator('input[name="customer"]').fill(String(pair.customer_id));
    await page.locator('input[name="product"]').fill(String(pair.product_id));
    await page.locator('main form button[type="submit"]').click();
    await page.getByTestId('probability').waitFor();
    await setLanguage(page, lang);
    await page.waitForLoadState('networkidle');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
  },
  recommend: async (page, _lang, pair) => {
    await page.locator('input[name="customer"]').fill(String(pair.customer_id));
    await page.locator('main form button[type="submit"]').click();
    await page.getByTestId('recommendations').waitFor();
  },
  chat: async (page) => {
    await page.locator('.chips button').first().click();
    await page.getByTestId('chat-answer').first().waitFor();
  },
  models: async (page) => {
    await page.getByTestId('versions').waitFor();
  },
  experiments: async (page) => {
    await page.getByTestId('runs').locator('tbody tr').first().waitFor();
  },
  pipeline: async (page) => {
    await page.getByTestId('tasks').waitFor();
    await page.getByTestId('tasks').locator('button').first().click();
    await page.getByTestId('task-logs').waitFor();
  },
  data: async (page) => {
    await page.getByTestId('ingestions').locator('tbody tr button').first().click();
    await page.getByTestId('validation-report').waitFor();
  },
  drift: async (page) => {
    await page.locator('.recharts-bar-rectangle').first().waitFor();
  },
  monitoring: async (page) => {
    await page.getByTestId('routes').waitFor();
    await page.getByTestId('usage').waitFor();
  },
  upload: async (page) => {
    await page.getByTestId('drop-zone').waitFor();
  },
  // No page has this path: the not-found view it shows must fit a phone and speak one language too.
  'no-such-page': async (page) => {
    await page.getByTestId('not-found').waitFor();
  },
};

/** Clicks the header's ES or EN button and waits for the page to speak that language. */
export async function setLanguage(page: Page, lang: UiLang): Promise<void> {
  await page.getByRole('button', { name: lang.toUpperCase(), exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** Visible text of the page, outside elements marked translate="no" (ids, product names, logs). */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (
        !el ||
        text === '' ||
        el.closest('[translate="no"], [aria-hidden="true"], script, style, noscript')
      ) {
        continue;
      }
      // Hidden, or parked off the page (charts measure their labels in a span far above the top).
      const box = el.getBoundingClientRect();
      if (!el.checkVisibility() || box.bottom + window.scrollY < 0 || box.right + window.scrollX < 0)
        continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')) {
      if (el.closest('[translate="no"]') || !el.checkVisibility()) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out;
  });
}

/**
 * Opens every page at each size in each language, waits for its content, and records whether the
 * document scrolls sideways and which words of the other language are on screen; saves a full-page
 * screenshot of each as `<lang>-<size>-<page>.png` under `shotsDir`.
 */
export async function surveyPages(
  page: Page,
  baseUrl: string,
  pair: Pair,
  shotsDir: string,
): Promise<SurveyFindings> {
  const findings: SurveyFindings = { overflows: [], leaks: [] };
  for (const lang of LANGS) {
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      for (const [route, settle] of Object.entries(PAGES)) {
        const where = `${lang} ${viewport.name} #/${route}`;
        await page.goto(`${baseUrl}/#/${route}`);
        await page.locator('main h1').waitFor();
        await setLanguage(page, lang);
        await settle(page, lang, pair);
        await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.scrollingElement!.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        if (scrollWidth > innerWidth)
          findings.overflows.push(`${where}: ${scrollWidth} px > ${innerWidth} px`);
        for (const text of await visibleTexts(page)) {
          for (const leak of foreignWords(text, lang)) findings.leaks.push({ ...leak, where });
        }
        await page.screenshot({
          path: path.join(shotsDir, `${lang}-${viewport.name}-${route}.png`),
          fullPage: true,
        });
      }
    }
  }
  return findings;
}
