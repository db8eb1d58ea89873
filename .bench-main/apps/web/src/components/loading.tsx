import { useI18n } from '../i18n/i18n-context.tsx';

/** A polite "loading…" announced to screen readers. */
export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}
