import { TrackingError } from '../errors.ts';
import { isRunStatus, type RunStatus } from './run-status.ts';

/** What a run clause looks at: the latest value of a metric, a param or a tag. */
export type RunFieldKind = 'metric' | 'param' | 'tag';
export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=';
export const COMPARISON_OPS: readonly ComparisonOp[] = Object.freeze(['=', '!=', '<', '<=', '>', '>=']);

/** `metric` clauses compare numbers; `param` and `tag` clauses compare strings. */
export type RunClause =
  | { readonly kind: 'metric'; readonly key: string; readonly op: ComparisonOp; readonly value: number }
  | {
      readonly kind: 'param' | 'tag';
      readonly key: string;
      readonly op: ComparisonOp;
      readonly value: string;
    };

export type RunOrderField =
  | { readonly kind: RunFieldKind; readonly key: string }
  | { readonly kind: 'attribute'; readonly key: 'startTime' | 'endTime' | 'name' };

export interface RunOrder {
  readonly field: RunOrderField;
  readonly direction: 'asc' | 'desc';
}

/** A run search. Clauses are ANDed; runs missing an ordered field sort last. */
export interface RunSearch {
  readonly experimentIds?: readonly string[];
  readonly statuses?: readonly RunStatus[];
  /** `null` selects top-level runs only. */
  readonly parentRunId?: string | null;
  readonly where?: readonly RunClause[];
  readonly orderBy?: readonly RunOrder[];
  /** Default 100, at most 10 000. */
  readonly limit?: number;
  readonly offset?: number;
}

const CLAUSE = /^\s*(metrics|params|tags)\.([A-Za-z0-9_.\-/:]+)\s*(<=|>=|!=|=|<|>)\s*(.+?)\s*$/;
const KIND: Record<string, RunFieldKind> = { metrics: 'metric', params: 'param', tags: 'tag' };

/**
 * Parses the textual filter used by the CLI and the REST API: clauses joined by `and`, each
 * `metrics.<key> <op> <number>`, `params.<key> <op> <string>` or `tags.<key> <op> <string>`
 * (strings may be quoted). Bad input throws INVALID_ARGUMENT naming the clause.
 *
 * @example
 * import { parseRunFilter } from '@sodai/tracking';
 * parseRunFilter("metrics.auc > 0.8 and params.max_depth = '6'");
 * // [{ kind: 'metric', key: 'auc', op: '>', value: 0.8 }, { kind: 'param', key: 'max_depth', op: '=', value: '6' }]
 */
export function parseRunFilter(text: string): RunClause[] {
  if (text.trim() === '') return [];
  return text.split(/\s+and\s+/i).map((part) => {
    const m = CLAUSE.exec(part);
    if (!m) {
      throw new TrackingError('INVALID_ARGUMENT', `filter: cannot parse clause "${part.trim()}"`, {
        field: 'filter',
      });
    }
    const kind = KIND[m[1] as string] as RunFieldKind;
    const key = m[2] as string;
    const op = m[3] as ComparisonOp;
    const raw = unquote(m[4] as string);
    if (kind === 'metric') {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) {
        throw new TrackingError('INVALID_ARGUMENT', `filter: metric ${key} needs a number, got "${raw}"`, {
          field: 'filter',
        });
      }
      return { kind, key, op, value };
    }
    return { kind, key, op, value: raw };
  });
}

/**
 * Parses `metrics.auc desc`, `params.lr`, `start_time asc`… (default direction `desc` for metrics,
 * `asc` otherwise).
 */
export function parseRunOrder(text: string): RunOrder {
  const m =
    /^\s*(?:(metrics|params|tags)\.([A-Za-z0-9_.\-/:]+)|(start_time|end_time|name))\s*(asc|desc)?\s*$/i.exec(
      text,
    );
  if (!m)
    throw new TrackingError('INVALID_ARGUMENT', `orderBy: cannot parse "${text}"`, { field: 'orderBy' });
  const dir = m[4]?.toLowerCase() as 'asc' | 'desc' | undefined;
  if (m[1]) {
    const kind = KIND[m[1]] as RunFieldKind;
    return { field: { kind, key: m[2] as string }, direction: dir ?? (kind === 'metric' ? 'desc' : 'asc') };
  }
  const attr = { start_time: 'startTime', end_time: 'endTime', name: 'name' } as const;
  return {
    field: { kind: 'attribute', key: attr[(m[3] as string).toLowerCase() as keyof typeof attr] },
    direction: dir ?? 'asc',
  };
}

/** Parses a comma-separated status list (`RUNNING,FAILED`). */
export function parseStatuses(text: string): RunStatus[] {
  return text.split(',').map((s) => {
    const v = s.trim().toUpperCase();
    if (!isRunStatus(v))
      throw new TrackingError('INVALID_ARGUMENT', `status: unknown "${s}"`, { field: 'status' });
    return v;
  });
}

function unquote(s: string): string {
  const q = s[0];
  if ((q === "'" || q === '"') && s.length >= 2 && s[s.length - 1] === q) return s.slice(1, -1);
  return s;
}
