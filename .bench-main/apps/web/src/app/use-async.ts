import { useCallback, useEffect, useRef, useState } from 'react';

/** The state of one asynchronous load. */
export type AsyncState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly error: unknown };

/**
 * Loads `load()` whenever `deps` change (and on `reload()`, which keeps the current value on screen
 * until the new one arrives); answers of superseded loads are dropped, so a slow old answer never
 * overwrites a newer one.
 *
 * @example
 * const state = useAsync(() => api.serving(), [api]);
 * if (state.status === 'done') console.log(state.value.model_version);
 */
export function useAsync<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const refreshing = useRef(false);
  useEffect(() => {
    const id = ++latest.current;
    // A reload keeps showing the current value (forms under it keep their state); new deps do not.
    if (refreshing.current) refreshing.current = false;
    else setState({ status: 'loading' });
    load().then(
      (value) => {
        if (latest.current === id) setState({ status: 'done', value });
      },
      (error: unknown) => {
        if (latest.current === id) setState({ status: 'failed', error });
      },
    );
    // The caller lists what the load depends on (the closure itself changes every render).
  }, [...deps, tick]);
  const reload = useCallback(() => {
    refreshing.current = true;
    setTick((t) => t + 1);
  }, []);
  return { ...state, reload };
}
