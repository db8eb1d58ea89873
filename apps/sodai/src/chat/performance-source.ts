/** One week's realized quality of a model version, once that week's purchases arrived. */
export interface RealizedWeek {
  /** First day of the predicted week (YYYY-MM-DD). */
  readonly week: string;
  readonly modelVersion: number;
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  /** Pairs scored that week. */
  readonly pairs: number;
  /**
   * Every simple rule's F1 on the same week, scored as the model was (`recent_frequency` …):
   * what "¿le gana el modelo a las reglas?" compares against. Absent when no rule was scored.
   */
  readonly rules?: readonly RuleWeek[];
}

/** One simple rule's realized F1 on a week. */
export interface RuleWeek {
  readonly name: string;
  readonly f1: number;
}

/**
 * Where realized performance comes from (predictions joined with the purchases that followed).
 * Optional: without one, the assistant says performance has not been measured yet.
 */
export interface PerformanceSource {
  /** Realized weeks, oldest first; the newest `limit` when given. */
  weeks(options?: {
    readonly modelVersion?: number;
    readonly limit?: number;
  }): Promise<readonly RealizedWeek[]>;
}
