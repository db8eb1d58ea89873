import { Suspense, useEffect } from 'react';
import { Loading } from '../components/loading.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { LanguageToggle } from './language-toggle.tsx';
import { MainMenu } from './main-menu.tsx';
import { NotFound } from './not-found.tsx';
import { PageBoundary } from './page-boundary.tsx';
import { routeFor } from './routes.ts';
import { ServingBadge } from './serving-badge.tsx';
import { SignIn } from './sign-in.tsx';
import { SkipLink } from './skip-link.tsx';
import { useHash } from './use-hash.ts';
import { useServing } from './use-serving.ts';

/** The shell: skip link, header with menu, language and sign-in, and the current page. */
export function App() {
  const { t } = useI18n();
  const hash = useHash();
  const route = routeFor(hash);
  const pageName = t(route ? route.label : 'notFound.title');
  const serving = useServing();
  // Each page names itself in the tab and in the history list, in the current language.
  useEffect(() => {
    document.title = `${pageName} · SodAI`;
  }, [pageName]);
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          SodAI
        </div>
        <MainMenu current={route} />
        <div className="topbar-tools">
          <LanguageToggle />
          <SignIn />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ServingBadge state={serving.state} />
        {route ? (
          // Read again once the model a restarted server was loading serves (empty pickers before).
          <PageBoundary key={`${route.path}#${serving.generation}`}>
            <Suspense fallback={<Loading />}>
              <route.component />
            </Suspense>
          </PageBoundary>
        ) : (
          <NotFound hash={hash} />
        )}
      </main>
    </>
  );
}
