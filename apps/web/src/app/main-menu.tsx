import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ROUTES, type PageRoute } from './routes.ts';

/**
 * Scrolls `list` sideways so that `item` is centred in it, when it is not already in full view. On a
 * phone the menu is one row that scrolls: a page opened from a link or a bookmark would otherwise
 * be marked current off screen, and the reader would not see where they are.
 *
 * In full view means clear of the row's right-edge fade too, which is as wide as its right padding
 * (styles.css): an item reaching into it, like "Modelos" at 390 px, reads as cut off.
 */
function bringIntoView(list: HTMLElement, item: HTMLElement): void {
  const box = list.getBoundingClientRect();
  const it = item.getBoundingClientRect();
  const fade = parseFloat(getComputedStyle(list).paddingRight) || 0;
  // A pixel's slack: scrolled to the end, sub-pixel widths can leave the last item a fraction over.
  if (it.left >= box.left && it.right <= box.right - fade + 1) return;
  list.scrollTo({ left: list.scrollLeft + (it.left + it.width / 2) - (box.left + box.width / 2) });
}

/** The menu of pages, the current one marked and kept in view. */
export function MainMenu({ current }: { current: PageRoute | undefined }) {
  const { t, lang } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  // Again when the language changes: the labels' widths change with it.
  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list.current && item) bringIntoView(list.current, item);
  }, [current, lang]);
  return (
    <nav aria-label={t('shell.menu')}>
      <ul ref={list}>
        {ROUTES.map((r) => (
          <li key={r.path}>
            <a href={`#/${r.path}`} aria-current={r === current ? 'page' : undefined}>
              {t(r.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
