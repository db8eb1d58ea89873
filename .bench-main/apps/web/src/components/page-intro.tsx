import type { ReactNode } from 'react';

/**
 * A page's title and its plain-words explanation, for readers who are not engineers.
 *
 * @example
 * <PageIntro title="Predecir" explanation="…" />
 */
export function PageIntro({
  title,
  explanation,
  children,
}: {
  title: string;
  explanation: string;
  children?: ReactNode;
}) {
  return (
    <header className="page-intro">
      <h1>{title}</h1>
      <p className="explain">{explanation}</p>
      {children}
    </header>
  );
}
