import type { EvalCase } from './eval-case.ts';
import { EVAL_SET } from './eval-set.ts';
import { HELD_OUT_SET } from './held-out-set.ts';
import { HELD_OUT_2 } from './held-out-2.ts';
import { HELD_OUT_3 } from './held-out-3.ts';
import { HELD_OUT_4 } from './held-out-4.ts';
import { HELD_OUT_5 } from './held-out-5.ts';
import { HELD_OUT_6 } from './held-out-6.ts';
import { HELD_OUT_7 } from './held-out-7.ts';
import { HELD_OUT_8 } from './held-out-8.ts';

/** A question set as the bench reports it: `key` names its chat sessions and its command-line choice. */
export interface NamedEvalSet {
  readonly key: string;
  readonly label: string;
  readonly cases: readonly EvalCase[];
}

/** Every set `npm run bench:chat` runs, in the order it reports them (see README.md for each). */
export const BENCH_SETS: readonly NamedEvalSet[] = [
  { key: 'eval', label: 'evaluation set', cases: EVAL_SET },
  { key: 'held', label: 'held-out set', cases: HELD_OUT_SET },
  { key: 'held2', label: 'held-out set 2', cases: HELD_OUT_2 },
  { key: 'held3', label: 'held-out set 3', cases: HELD_OUT_3 },
  { key: 'held4', label: 'held-out set 4', cases: HELD_OUT_4 },
  { key: 'held5', label: 'held-out set 5', cases: HELD_OUT_5 },
  { key: 'held6', label: 'held-out set 6', cases: HELD_OUT_6 },
  { key: 'held7', label: 'held-out set 7', cases: HELD_OUT_7 },
  { key: 'held8', label: 'held-out set 8', cases: HELD_OUT_8 },
];
