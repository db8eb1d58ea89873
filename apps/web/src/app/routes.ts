import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n/dictionary.ts';

/** One page of the app: its hash path, its menu label and its lazily loaded component. */
export interface PageRoute {
  readonly path: string;
  readonly label: MessageKey;
  readonly component: LazyExoticComponent<ComponentType>;
}

// Each page is its own chunk: the first visit loads the shell and one page only.
export const ROUTES: readonly PageRoute[] = [
  {
    path: 'predict',
    label: 'nav.predict',
    component: lazy(() => import('../pages/predict/predict-page.tsx')),
  },
  {
    path: 'recommend',
    label: 'nav.recommend',
    component: lazy(() => import('../pages/recommend/recommend-page.tsx')),
  },
  { path: 'chat', label: 'nav.chat', component: lazy(() => import('../pages/chat/chat-page.tsx')) },
  { path: 'models', label: 'nav.models', component: lazy(() => import('../pages/models/models-page.tsx')) },
  {
    path: 'experiments',
    label: 'nav.experiments',
    component: lazy(() => import('../pages/experiments/experiments-page.tsx')),
  },
  {
    path: 'pipeline',
    label: 'nav.pipeline',
    component: lazy(() => import('../pages/pipeline/pipeline-page.tsx')),
  },
  { path: 'data', label: 'nav.data', component: lazy(() => import('../pages/data/data-page.tsx')) },
  {
    path: 'upload',
    label: 'nav.upload',
    component: lazy(() => import('../pages/upload/upload-page.tsx')),
  },
  { path: 'drift', label: 'nav.drift', component: lazy(() => import('../pages/drift/drift-page.tsx')) },
  {
    path: 'monitoring',
    label: 'nav.monitoring',
    component: lazy(() => import('../pages/monitoring/monitoring-page.tsx')),
  },
];

/**
 * The page a location hash names (`#/models`, `#/models/3`, `#/chat?x=1` → the page before any
 * `/` or `?`); the first page when the hash names none (`''`, `#`, `#/`); `undefined` when no page
 * has that path. The page name matches in any letter case (`#/Models`), as people type and share
 * addresses; the hash itself is left as typed, since what follows the name may be a case-sensitive
 * id. An unknown path is not guessed at: showing some other page would hide the typo or the
 * outdated bookmark from the reader.
 *
 * @example
 * routeFor('#/chat')?.path; // 'chat'
 * routeFor('#/Chat')?.path; // 'chat'
 * routeFor('#/monitor'); // undefined
 */
export function routeFor(hash: string): PageRoute | undefined {
  const path = hash.replace(/^#\/?/, '').split(/[?/]/)[0]?.toLowerCase();
  if (path === '') return ROUTES[0];
  return ROUTES.find((r) => r.path === path);
}

/**
 * The address a hash asked for, as the reader would have typed it: the browser percent-encodes what
 * is not ASCII (`#/m%C3%B3delos` → `#/módelos`). A `%` that starts no valid escape is shown as is.
 */
export function askedAddress(hash: string): string {
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}
