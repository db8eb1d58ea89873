import type { AliasHistoryEntry } from '../../api/tracking-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The champion alias over time, newest first: which version, who moved it, why, and the gate. */
export function AliasTimeline({ entries }: { entries: readonly AliasHistoryEntry[] }) {
  const { t, lang } = useI18n();
  const date = (ms: number) => new Date(ms).toLocaleString(lang === 'es' ? 'es-ES' : 'en-US');
  const sorted = [...entries].sort((a, b) => b.seq - a.seq);
  if (sorted.length === 0) return <p className="muted">{t('models.noHistory')}</p>;
  return (
    <ol className="timeline" data-testid="alias-timeline">
      {sorted.map((e) => (
        <li key={e.seq} className={e.endedAt === null ? 'current' : ''}>
          <div className="timeline-dot" aria-hidden="true" />
          <div>
            <strong>
              {e.action === 'rollback' ? t('models.actionRollback') : t('models.actionSet')} → v{e.version}
            </strong>
            {e.endedAt === null ? <span className="badge model">{t('models.current')}</span> : null}
            <div className="muted">
              {date(e.startedAt)} · {e.actor}
            </div>
            <div>{e.reason}</div>
            {e.gate ? (
              <div className={e.gate.passed ? 'gate pass' : 'gate fail'}>
                {e.gate.passed ? t('models.gatePassed') : t('models.gateFailed')}
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
