import { observation, type AlertObservation } from './alert-observation.ts';

/** One scored week of one serving version, as the realized-performance rows give it. */
export interface RealizedF1Week {
  /** The predicted week's cut-off, `YYYY-MM-DD`. */
  readonly week: string;
  readonly version: number;
  /** F1 of the version's predictions against the week's purchases. */
  readonly f1: number;
  /** The best rule's F1 on the same week. */
  readonly bestRuleF1: number;
  /** The version's F1 on its own test week at training time, when known. */
  readonly testF1: number | null;
}

/**
 * Where the realized weeks come from. The realized-performance rows (week, version, scorer, metric,
 * value) are built elsewhere; whoever owns them passes this function in, so the rules stay pure and
 * the monitor does not depend on how those rows are stored.
 */
export type RealizedF1Source = () => Promise<readonly RealizedF1Week[]>;

function byVersion(weeks: readonly RealizedF1Week[]): Map<number, RealizedF1Week[]> {
  const out = new Map<number, RealizedF1Week[]>();
  for (const w of weeks) {
    const list = out.get(w.version) ?? [];
    list.push(w);
    out.set(w.version, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.week.localeCompare(b.week));
  return out;
}

const f = (x: number) => x.toFixed(3);

/**
 * Per version: firing when its last `weeksInARow` scored weeks all have a realized F1 below the
 * best rule's. Fewer scored weeks than that decide nothing unless the latest already beats the rule
 * (which resolves an open alert).
 */
export function realizedBelowRule(weeks: readonly RealizedF1Week[], weeksInARow: number): AlertObservation[] {
  const out: AlertObservation[] = [];
  for (const [version, list] of byVersion(weeks)) {
    const last = list.slice(-weeksInARow);
    const below = last.filter((w) => w.f1 < w.bestRuleF1);
    const latest = list[list.length - 1]!;
    const firing = last.length === weeksInARow && below.length === weeksInARow;
    if (!firing && latest.f1 < latest.bestRuleF1) continue; // a streak in progress: not yet, not over
    out.push(
      observation(
        'realized_below_rule',
        firing,
        firing
          ? `v${version} did worse than the best rule ${weeksInARow} weeks in a row (last week ${latest.week}: F1 ${f(latest.f1)} vs ${f(latest.bestRuleF1)})`
          : `v${version} is no longer below the best rule (week ${latest.week}: F1 ${f(latest.f1)} vs ${f(latest.bestRuleF1)})`,
        {
          version,
          weeks: last.map((w) => ({ week: w.week, f1: w.f1, best_rule_f1: w.bestRuleF1 })),
        },
        { key: `realized_below_rule:v${version}`, severity: 'critical' },
      ),
    );
  }
  return out;
}

/**
 * Per version: firing when its latest scored week's realized F1 is more than `maxDrop` below the F1
 * it had on its test week. Versions without a test F1 are left out.
 */
export function realizedBelowTest(weeks: readonly RealizedF1Week[], maxDrop: number): AlertObservation[] {
  const out: AlertObservation[] = [];
  for (const [version, list] of byVersion(weeks)) {
    const latest = list[list.length - 1]!;
    if (latest.testF1 === null) continue;
    const drop = latest.testF1 - latest.f1;
    const firing = drop > maxDrop;
    out.push(
      observation(
        'realized_below_test',
        firing,
        `v${version}: realized F1 ${f(latest.f1)} in the week of ${latest.week}, ${f(drop)} below its test F1 ${f(latest.testF1)}${firing ? ` (bound ${f(maxDrop)})` : ''}`,
        { version, week: latest.week, f1: latest.f1, test_f1: latest.testF1, drop, bound: maxDrop },
        { key: `realized_below_test:v${version}` },
      ),
    );
  }
  return out;
}
