import type { AliasHistoryEntry, GateRecord } from '../../api/tracking-types.ts';
import { actorText } from './actor-text.ts';
import { gateText } from './gate-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** The champion alias over time, newest first: which version, who moved it, why, and the gate. */
export function AliasTimeline({ entries }: { entries: readonly AliasHistoryEntry[] }) {
  const i18n = useI18n();
  const { t, dateTime: date } = i18n;
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
              {/* The recorded actor (a pipeline run's id) stays at hand for whoever traces the move. */}
              {date(e.startedAt)} · <ActorName actor={e.actor} />
            </div>
            {/* A gated move's reason is the gate's English sentence: its figures are said instead.
                A hand-written reason is the operator's own words and stays as written. */}
            {e.gate ? (
              <div className={e.gate.passed ? 'gate pass' : 'gate fail'}>
                {gateText(e.gate as GateRecord, i18n)}
              </div>
            ) : (
              <div translate="no">{e.reason}</div>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** Who moved the alias, in words; a name recorded as written (an admin's, a script's) is not translated. */
function ActorName({ actor }: { actor: string }) {
  const i18n = useI18n();
  const words = actorText(actor, i18n);
  return (
    <span title={actor} translate={words === actor ? 'no' : undefined}>
      {words}
    </span>
  );
}
