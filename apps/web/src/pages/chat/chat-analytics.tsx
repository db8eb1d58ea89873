import { useState } from 'react';
import type { ChatAnalytics } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { Loading } from '../../components/loading.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Load =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'done'; value: ChatAnalytics }
  | { status: 'failed'; error: unknown };

/**
 * What people ask the assistant: totals, the most frequent questions and the ones it could not
 * answer (what to teach it next). Loaded when opened, and again on "refresh", so a question just
 * asked shows up.
 */
export function ChatAnalyticsPanel() {
  const { t, num, pct } = useI18n();
  const { api } = useApp();
  const [load, setLoad] = useState<Load>({ status: 'idle' });

  const fetchStats = () => {
    setLoad({ status: 'loading' });
    api.chatAnalytics(10).then(
      (value) => setLoad({ status: 'done', value }),
      (error: unknown) => setLoad({ status: 'failed', error }),
    );
  };

  return (
    <details
      className="card"
      data-testid="chat-analytics"
      onToggle={(e) => {
        if (e.currentTarget.open) fetchStats();
      }}
    >
      <summary>
        <h2 className="inline-heading">{t('chatStats.title')}</h2>
      </summary>
      <p className="muted">{t('chatStats.explain')}</p>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? <ErrorNote error={load.error} /> : null}
      {load.status === 'done' ? (
        <>
          <p data-testid="chat-analytics-totals">
            {t('chatStats.totals', {
              total: num(load.value.total),
              answered: load.value.total > 0 ? pct(load.value.answered / load.value.total, 0) : '—',
              up: num(load.value.up),
              down: num(load.value.down),
            })}
          </p>
          <QuestionTable
            title={t('chatStats.frequent')}
            rows={load.value.frequent}
            empty={t('chatStats.none')}
            testId="chat-analytics-frequent"
          />
          <QuestionTable
            title={t('chatStats.unanswered')}
            rows={load.value.unanswered}
            empty={t('chatStats.noneUnanswered')}
            testId="chat-analytics-unanswered"
          />
          <button type="button" className="secondary" onClick={fetchStats}>
            {t('chatStats.refresh')}
          </button>
        </>
      ) : null}
    </details>
  );
}

function QuestionTable({
  title,
  rows,
  empty,
  testId,
}: {
  title: string;
  rows: ChatAnalytics['frequent'];
  empty: string;
  testId: string;
}) {
  const { t, num } = useI18n();
  return (
    <section>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t('chatStats.question')}</th>
                <th scope="col" className="num">
                  {t('chatStats.times')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.text}>
                  <td>{r.text}</td>
                  <td className="num">{num(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
