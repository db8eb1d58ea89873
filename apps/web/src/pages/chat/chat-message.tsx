import { useState } from 'react';
import type { ChatResponse } from '../../api/contract.ts';
import { useApp } from '../../app/app-context.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { answerTables, type DataTable } from './answer-data.ts';

/** One turn of the conversation. */
export type ChatTurn =
  | { readonly id: number; readonly role: 'user'; readonly text: string }
  | { readonly id: number; readonly role: 'assistant'; readonly response: ChatResponse }
  | { readonly id: number; readonly role: 'error'; readonly text: string };

/**
 * A figure's name in an answer without a table of its own: in words when the dictionaries know it
 * (`data_until` → "Data up to", shown under every such answer), else the server's key as it came.
 */
function FigureName({ name }: { name: string }) {
  const { tOr } = useI18n();
  const words = tOr(`chat.figure.${name}`, '');
  return words ? (
    <th scope="row">{words}</th>
  ) : (
    <th scope="row" translate="no">
      {name}
    </th>
  );
}

/** A message bubble; an assistant answer shows the figures it is grounded in as tables. */
export function ChatMessage({ turn }: { turn: ChatTurn }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [rated, setRated] = useState<'up' | 'down' | null>(null);
  if (turn.role !== 'assistant') {
    return (
      <li className={`bubble ${turn.role}`}>
        <span className="sr-only">{turn.role === 'user' ? t('chat.you') : t('chat.error')}: </span>
        {turn.text}
      </li>
    );
  }
  const r = turn.response;
  // The answer's own table when it has one; otherwise the figures it is grounded in.
  const tables: DataTable[] = r.table
    ? [{ key: 'answer', columns: r.table.columns, rows: r.table.rows }]
    : answerTables(r.data);
  const rate = (rating: 'up' | 'down') => {
    if (!r.question_id || rated) return;
    setRated(rating);
    void api.chatFeedback(r.question_id, rating).catch(() => setRated(null));
  };
  return (
    <li className="bubble assistant" data-testid="chat-answer">
      <span className="sr-only">{t('chat.assistant')}: </span>
      <p className="answer-text">{r.answer}</p>
      {r.based_on.length > 0 ? (
        <p className="muted small" data-testid="chat-based-on">
          {t('chat.basedOn')}: {r.based_on.join(' · ')}
        </p>
      ) : null}
      {tables.map((table) => (
        <div className="table-wrap" key={table.key}>
          <table className="table compact">
            <caption>
              {table.key === 'figures' ? (
                t('chat.figures')
              ) : table.key === 'answer' ? (
                ''
              ) : (
                <span translate="no">{table.key}</span>
              )}
            </caption>
            {table.key === 'figures' ? null : (
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th scope="col" key={c} translate="no">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {table.rows.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) =>
                    j === 0 && table.key === 'figures' ? (
                      <FigureName key={j} name={v} />
                    ) : (
                      <td key={j}>{v}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {r.question_id ? (
        <div className="chips" role="group" aria-label={t('chat.thanks')}>
          <button
            type="button"
            className="chip"
            aria-label={t('chat.helpful')}
            title={t('chat.helpful')}
            aria-pressed={rated === 'up'}
            disabled={rated !== null}
            onClick={() => rate('up')}
          >
            👍
          </button>
          <button
            type="button"
            className="chip"
            aria-label={t('chat.notHelpful')}
            title={t('chat.notHelpful')}
            aria-pressed={rated === 'down'}
            disabled={rated !== null}
            onClick={() => rate('down')}
          >
            👎
          </button>
          {rated ? <span className="muted small">{t('chat.thanks')}</span> : null}
        </div>
      ) : null}
    </li>
  );
}
