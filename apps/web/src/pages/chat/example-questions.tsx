import { useI18n } from '../../i18n/i18n-context.tsx';

/** A family of example questions (Sales, History, Model…), as the server groups them. */
export interface ExampleFamily {
  readonly family: string;
  readonly questions: readonly string[];
}

/** Up to this many examples are all shown as chips; more, and only the first of each family is. */
const FEW = 6;

/**
 * The example questions, one tap each. A few are all chips; when there are more (the server offers
 * twenty or more, which listed in full pushed the question box below a phone's screen), the first of
 * every family is a chip and the others wait, by family, behind "More examples".
 */
export function ExampleQuestions(props: {
  families: readonly ExampleFamily[];
  busy: boolean;
  ask(question: string): void;
}) {
  const { t } = useI18n();
  const chip = (q: string) => (
    <button type="button" className="chip" key={q} onClick={() => props.ask(q)} disabled={props.busy}>
      {q}
    </button>
  );
  const all = [...new Set(props.families.flatMap((f) => f.questions))];
  const shown = new Set(all.length <= FEW ? all : props.families.flatMap((f) => f.questions.slice(0, 1)));
  const rest = props.families
    .map((f) => ({ family: f.family, questions: f.questions.filter((q) => !shown.has(q)) }))
    .filter((f) => f.questions.length > 0);
  return (
    <section className="card" aria-labelledby="examples-title" data-testid="chat-examples">
      <h2 id="examples-title">{t('chat.examples')}</h2>
      <div className="chips">{[...shown].map(chip)}</div>
      {rest.length > 0 ? (
        <details className="more-examples">
          <summary>{t('chat.moreExamples', { n: all.length - shown.size })}</summary>
          {rest.map((f) => (
            <div key={f.family} className="example-family">
              <h3>{f.family}</h3>
              <div className="chips">{f.questions.map(chip)}</div>
            </div>
          ))}
        </details>
      ) : null}
    </section>
  );
}
