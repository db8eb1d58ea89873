import type { ReactNode } from 'react';
import { useApp } from '../app/app-context.tsx';
import type { AsyncState } from '../app/use-async.ts';
import { isAlertsOnly } from '../app/use-session.ts';
import { WebError } from '../errors.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { ErrorNote } from './error-note.tsx';
import { Loading } from './loading.tsx';
import { SignInNeeded } from './sign-in-needed.tsx';

/**
 * Why a read was refused, when the reason is who is asking rather than a fault: nobody signed in,
 * or the alerts-only token. Those readers need a sign-in, not a red error.
 */
function refusalKey(error: unknown, token: string, alertsOnly: boolean): MessageKey | null {
  if (!(error instanceof WebError) || error.code !== 'UNAUTHORIZED') return null;
  if (!token) return 'auth.signInToSee';
  return alertsOnly ? 'auth.alertsOnlyCannotSee' : null;
}

/** A refused read: the sign-in it needs, with the button, or what went wrong. */
function Failed({ error }: { error: unknown }) {
  const { t } = useI18n();
  const { token, me } = useApp();
  const key = refusalKey(error, token, isAlertsOnly(me));
  return key ? <SignInNeeded message={t(key)} /> : <ErrorNote error={error} />;
}

/** Renders a load's value, or its progress or failure. */
export function AsyncView<T>({
  state,
  children,
}: {
  state: AsyncState<T>;
  children: (value: T) => ReactNode;
}) {
  if (state.status === 'done') return <>{children(state.value)}</>;
  if (state.status === 'failed') return <Failed error={state.error} />;
  if (state.status === 'loading') return <Loading />;
  return null;
}
