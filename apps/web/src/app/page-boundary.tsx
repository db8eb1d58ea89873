import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';

/**
 * What a page that failed to show says instead. The usual cause is a new SodAI version installed
 * while the tab was open: the tab asks for the old build's page files, which are gone, so reloading
 * fixes it. The error's own words are kept for whoever is asked for help.
 */
function PageFailed({ error }: { error: unknown }) {
  const { t } = useI18n();
  return (
    <section className="error-note" role="alert" data-testid="page-failed">
      <strong>{t('shell.pageFailed')}</strong>
      <p>{t('shell.pageFailedWhy')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('shell.reload')}
      </button>
      <span className="detail" translate="no">
        {error instanceof Error ? error.message : String(error)}
      </span>
    </section>
  );
}

interface State {
  readonly error: unknown;
  readonly failed: boolean;
}

/**
 * Keeps a page's failure (its file not loading, or a render error) inside the page: without it
 * React unmounts the whole app and the reader is left with a blank screen, menu and all. Give it a
 * `key` per page so that going to another page tries again.
 */
export class PageBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Still on the console, as an uncaught error would be, for whoever debugs it.
    console.error('page failed', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}
