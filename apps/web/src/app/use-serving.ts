import { useEffect, useRef, useState } from 'react';
import type { ServingState } from '../api/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';
import { useAsync, type AsyncState } from './use-async.ts';

/** How often the shell asks again while the server is still loading its first model. */
export const LOADING_RECHECK_MS = 3_000;

/**
 * What serves (GET /api/serving), asked again every few seconds while the server is still loading its
 * first model after a restart. `generation` counts the loads seen finishing: a page keyed by it is
 * read again once predictions are there, instead of keeping the empty pickers it got meanwhile.
 *
 * @example
 * const { state, generation } = useServing();
 */
export function useServing(): { readonly state: AsyncState<ServingState>; readonly generation: number } {
  const { api } = useApp();
  const { lang } = useI18n();
  const state = useAsync(() => api.serving(lang), [api, lang]);
  const loading = state.status === 'done' && state.value.loading === true;
  const [generation, setGeneration] = useState(0);
  const wasLoading = useRef(false);
  useEffect(() => {
    if (loading) {
      wasLoading.current = true;
      const timer = setTimeout(state.reload, LOADING_RECHECK_MS);
      return () => clearTimeout(timer);
    }
    if (state.status === 'done' && wasLoading.current) {
      wasLoading.current = false;
      setGeneration((g) => g + 1);
    }
    return undefined;
  }, [loading, state]);
  return { state, generation };
}
