import type { RunRecord } from '@sodai/pipeline';
import type { Lang } from '../../contract/api.ts';
import { say } from '../format.ts';

/** "1 h 5 min", "3 min 12 s", "40 s": as long as it needs, never more than two units. */
function spanWords(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return s % 60 > 0 ? `${m} min ${s % 60} s` : `${m} min`;
  return `${s} s`;
}

/**
 * How long a finished run took (" (duró 3 min 12 s)"), so "¿cuánto tardó la última corrida?" is
 * answered by the run's own answer; empty while it has not finished or never started.
 *
 * @example
 * runDurationWords(run, 'es'); // ' (duró 1 min 52 s)'
 */
export function runDurationWords(run: RunRecord, lang: Lang): string {
  if (!run.startedAt || !run.finishedAt) return '';
  const ms = run.finishedAt.getTime() - run.startedAt.getTime();
  if (ms < 0) return '';
  return say(lang, ` (duró ${spanWords(ms)})`, ` (took ${spanWords(ms)})`);
}
