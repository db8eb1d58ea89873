import { WebError } from '../errors.ts';
import { useI18n } from '../i18n/i18n-context.tsx';

const GENERIC = {
  NETWORK: 'error.network',
  UNAUTHORIZED: 'error.unauthorized',
  NOT_READY: 'error.notReady',
  REJECTED: 'error.rejected',
  SERVER: 'error.server',
} as const;

/**
 * What went wrong, in the reader's language: the server's stable error code picks the message
 * (`error.code.<CODE>`), else the kind of failure does; the fields the server named are listed. The
 * server's own words (always English) are shown only in the English UI.
 */
export function ErrorNote({ error }: { error: unknown }) {
  const { t, tOr, lang } = useI18n();
  const web = error instanceof WebError ? error : null;
  const generic = t(GENERIC[web?.code ?? 'SERVER']);
  const headline = web?.serverCode ? tOr(`error.code.${web.serverCode}`, generic) : generic;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-note" role="alert" data-error-code={web?.serverCode ?? web?.code ?? 'SERVER'}>
      <strong>{headline}</strong>
      {web && web.fields.length > 0 ? (
        <span className="detail">
          {t('error.fields')} <code translate="no">{web.fields.join(', ')}</code>
        </span>
      ) : null}
      {lang === 'en' ? <span className="detail">{detail}</span> : null}
    </div>
  );
}
