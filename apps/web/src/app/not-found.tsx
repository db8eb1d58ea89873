import { useId } from 'react';
import { PageIntro } from '../components/page-intro.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ROUTES, askedAddress } from './routes.ts';

/**
 * What an address no page has shows (a typo, an outdated bookmark): says so, names the address that
 * was asked for, and links every page, rather than quietly showing a page nobody asked for.
 */
export function NotFound({ hash }: { hash: string }) {
  const { t } = useI18n();
  const pagesHeading = useId();
  return (
    <section data-testid="not-found">
      <PageIntro title={t('notFound.title')} explanation={t('notFound.explain')}>
        {/* The address is the reader's own text, not the UI's: no translator should touch it. */}
        <p className="asked-address">
          {t('notFound.asked')}{' '}
          <code translate="no" data-testid="asked-address">
            {askedAddress(hash)}
          </code>
        </p>
      </PageIntro>
      <nav className="card" aria-labelledby={pagesHeading}>
        <h2 id={pagesHeading}>{t('notFound.pages')}</h2>
        <ul>
          {ROUTES.map((r) => (
            <li key={r.path}>
              <a href={`#/${r.path}`}>{t(r.label)}</a>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
