import { useApp } from './app-context.tsx';
import { useAsync } from './use-async.ts';
import type { UiCatalog } from '../api/contract.ts';

const EMPTY: UiCatalog = { customers: [], products: [] };

/** The serving snapshot's customers and products (empty while loading or when nothing serves). */
export function useCatalog(): UiCatalog {
  const { api } = useApp();
  const state = useAsync(() => api.catalog(), [api]);
  return state.status === 'done' ? state.value : EMPTY;
}
