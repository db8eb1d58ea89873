import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ROUTES, type PageRoute } from './routes.ts';

/**
 * Scrolls `list` sideways so that `item` is centred in it, when it is not already in full view. On a
 * phone the menu is one row that scrolls: a page opened from a link or a bookmark would otherwise
 * be marked current off screen, and the reader would not see where they are.
 */
function bringIntoView(list: HTMLElement, item: HTMLElement): void {
  const box = list.getBoundingClientRect();
  const it = item.getBoundingClientRect();
  if (it.left >= box.left && it.right <= box.right) return;
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
