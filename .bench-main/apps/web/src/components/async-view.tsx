import type { ReactNode } from 'react';
import type { AsyncState } from '../app/use-async.ts';
import { ErrorNote } from './error-note.tsx';
import { Loading } from './loading.tsx';

/** Renders a load's value, or its progress or failure. */
export function AsyncView<T>({
  state,
  children,
}: {
  state: AsyncState<T>;
  children: (value: T) => ReactNode;
}) {
  if (state.status === 'done') return <>{children(state.value)}</>;
  if (state.status === 'failed') return <ErrorNote error={state.error} />;
  if (state.status === 'loading') return <Loading />;
  return null;
}
