import type { MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * "Skip to content": moves focus to `<main>` without following its `#main` href. The hash is the
 * route here, and `#main` names no page: following it would leave the page the reader is on.
 */
export function SkipLink() {
  const { t } = useI18n();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    // focus() also scrolls <main> into view, which is all the browser's own jump would have done.
    document.getElementById('main')?.focus();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('shell.skip')}
    </a>
  );
}
