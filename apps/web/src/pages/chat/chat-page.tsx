import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { useCatalog } from '../../app/use-catalog.ts';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ChatMessage, type ChatTurn } from './chat-message.tsx';
import { ChatAnalyticsPanel } from './chat-analytics.tsx';
import { ExampleQuestions } from './example-questions.tsx';
import { useAsync } from '../../app/use-async.ts';

/** Chat: questions in plain words about customers, products and recommendations. */
export default function ChatPage() {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const catalog = useCatalog();
  const inputId = useId();
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const nextId = useRef(0);
  // One conversation per browser tab: follow-ups ("¿y el cliente 1002?") need the same session.
  const sessionId = useRef(sessionStorage.getItem('sodai.chat.session') ?? newSessionId());
  const endRef = useRef<HTMLLIElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [turns]);

  const someCustomer = catalog.customers[0]?.id ?? 1;
  const served = useAsync(() => api.chatExamples(lang), [api, lang]);
  // The server's examples name a real customer and product of the week; these stand in without it.
  const families =
    served.status === 'done' && Array.isArray(served.value.families) && served.value.families.length > 0
      ? served.value.families
      : [
          {
            family: t('chat.examples'),
            questions: [
              t('chat.example.customers'),
              t('chat.example.products'),
              t('chat.example.transactions', { id: someCustomer }),
              t('chat.example.recommend', { id: someCustomer }),
            ],
          },
        ];

  const ask = (message: string) => {
    const question = message.trim();
    if (!question || busy) return;
    setTurns((prev) => [...prev, { id: nextId.current++, role: 'user', text: question }]);
    setText('');
    setBusy(true);
    api
      .chat(question, lang, sessionId.current)
      .then(
        (response) => {
          sessionStorage.setItem('sodai.chat.session', response.session_id);
          sessionId.current = response.session_id;
          setTurns((prev) => [...prev, { id: nextId.current++, role: 'assistant', response }]);
        },
        (error: unknown) =>
          setTurns((prev) => [
            ...prev,
            {
              id: nextId.current++,
              role: 'error',
              text: error instanceof Error ? error.message : String(error),
            },
          ]),
      )
      .finally(() => setBusy(false));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    ask(text);
  };

  return (
    <>
      <PageIntro title={t('chat.title')} explanation={t('chat.explain')} />
      <section className="card chat" aria-label={t('chat.conversation')}>
        <ol className="conversation" aria-live="polite">
          {turns.length === 0 ? <li className="muted">{t('chat.empty')}</li> : null}
          {turns.map((turn) => (
            <ChatMessage key={turn.id} turn={turn} />
          ))}
          {busy ? (
            <li className="bubble assistant muted" role="status">
              {t('chat.thinking')}
            </li>
          ) : null}
          <li ref={endRef} aria-hidden="true" className="sr-only" />
        </ol>
        <form className="chat-input" onSubmit={submit}>
          <label htmlFor={inputId} className="sr-only">
            {t('chat.placeholder')}
          </label>
          <input
            id={inputId}
            value={text}
            maxLength={2000}
            placeholder={t('chat.placeholder')}
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy || text.trim() === ''}>
            {t('chat.send')}
          </button>
        </form>
      </section>
      {/* After the question box, so that on a phone the box is on screen when the page opens. */}
      <ExampleQuestions families={families} busy={busy} ask={ask} />
      <ChatAnalyticsPanel />
    </>
  );
}

function newSessionId(): string {
  const id = crypto.randomUUID();
  sessionStorage.setItem('sodai.chat.session', id);
  return id;
}
