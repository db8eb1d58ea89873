import { WebError } from '../errors.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

/** What went wrong, in words for the reader, with the server's own message underneath. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = error instanceof WebError ? error.code : 'SERVER';
  const key = (
    {
      NETWORK: 'error.network',
      UNAUTHORIZED: 'error.unauthorized',
      NOT_READY: 'error.notReady',
      REJECTED: 'error.rejected',
      SERVER: 'error.server',
    } as const
  )[code];
  return (
    <div className="error-note" role="alert">
      <strong>{t(key)}</strong>
      <span className="detail">{error instanceof Error ? error.message : String(error)}</span>
    </div>
  );
}
