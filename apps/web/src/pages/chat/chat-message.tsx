import type { ChatResponse } from '../../api/contract.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { answerTables } from './answer-data.ts';

/** One turn of the conversation. */
export type ChatTurn =
  | { readonly id: number; readonly role: 'user'; readonly text: string }
  | { readonly id: number; readonly role: 'assistant'; readonly response: ChatResponse }
  | { readonly id: number; readonly role: 'error'; readonly text: string };

/** A message bubble; an assistant answer shows the figures it is grounded in as tables. */
export function ChatMessage({ turn }: { turn: ChatTurn }) {
  const { t } = useI18n();
  if (turn.role !== 'assistant') {
    return (
      <li className={`bubble ${turn.role}`}>
        <span className="sr-only">{turn.role === 'user' ? t('chat.you') : t('chat.error')}: </span>
        {turn.text}
      </li>
    );
  }
  const tables = answerTables(turn.response.data);
  return (
    <li className="bubble assistant" data-testid="chat-answer">
      <span className="sr-only">{t('chat.assistant')}: </span>
      <p>{turn.response.answer}</p>
      {tables.map((table) => (
        <div className="table-wrap" key={table.key}>
          <table className="table compact">
            <caption>{table.key === 'figures' ? t('chat.figures') : table.key}</caption>
            {table.key === 'figures' ? null : (
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th scope="col" key={c}>
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
                      <th scope="row" key={j}>
                        {v}
                      </th>
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
    </li>
  );
}
