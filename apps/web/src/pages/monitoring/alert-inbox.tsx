import { useState } from 'react';
import type { Alert } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { SignInNeeded } from '../../components/sign-in-needed.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { alertSummary } from './alert-summary.ts';

/**
 * The alert inbox: open alerts (and, when asked, resolved ones) with an acknowledge button. The
 * server shows alerts only to an operator, an admin or the alerts-only token, so without one it
 * offers the sign-in.
 */
export function AlertInbox() {
  const i18n = useI18n();
  const { t, dateTime } = i18n;
  const { api, token, me } = useApp();
  const [showResolved, setShowResolved] = useState(false);
  const [ackError, setAckError] = useState<unknown>(null);
  // A sign-in the server said has no alerts (a reader) is told why, rather than shown its refusal.
  const mayList = token !== '' && (me === null || me.alerts);
  const list = useAsync(
    () => (mayList ? api.alerts(showResolved ? 'all' : 'open', token) : Promise.resolve(null)),
    [api, mayList, token, showResolved],
  );
  const when = dateTime;
  const acknowledge = (alert: Alert) => {
    setAckError(null);
    api.acknowledgeAlert(alert.id, token).then(list.reload, setAckError);
  };
  return (
    <section className="card alert-inbox" aria-labelledby="alert-inbox-title">
      <h2 id="alert-inbox-title">{t('alerts.title')}</h2>
      <p className="muted">{t('alerts.explain')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} />{' '}
        {t('alerts.showResolved')}
      </label>
      {ackError ? <ErrorNote error={ackError} /> : null}
      <AsyncView state={list}>
        {(value) =>
          value === null ? (
            <SignInNeeded message={t(token ? 'alerts.notForThisSignIn' : 'alerts.needSignIn')} />
          ) : value.alerts.length === 0 ? (
            <p className="muted">{t('alerts.none')}</p>
          ) : (
            <ul className="alert-list" data-testid="alerts">
              {value.alerts.map((a) => (
                <li
                  key={a.id}
                  className={`alert-item ${a.severity} ${a.state}`}
                  data-testid={`alert-${a.rule}`}
                >
                  <div className="alert-head">
                    <strong>{t(`alerts.rule.${a.rule}`)}</strong>{' '}
                    <span className="badge">{t(`alerts.severity.${a.severity}`)}</span>
                  </div>
                  <p className="alert-summary">{alertSummary(a, i18n)}</p>
                  <p className="muted small">
                    {a.state === 'open'
                      ? t('alerts.openedAt', { when: when(a.opened_at) })
                      : t('alerts.resolvedAt', { when: when(a.resolved_at ?? a.last_seen_at) })}
                    {a.acknowledged_by ? ` · ${t('alerts.acknowledgedBy', { who: a.acknowledged_by })}` : ''}
                  </p>
                  {a.state === 'open' && !a.acknowledged_at ? (
                    <button type="button" className="secondary" onClick={() => acknowledge(a)}>
                      {t('alerts.acknowledge')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </section>
  );
}
