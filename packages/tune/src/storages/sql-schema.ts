import type { Generated } from 'kysely';

/** The tables `SqlStorage` keeps; one schema for SQLite and Postgres. */
export interface TuneDatabase {
  tune_studies: { id: Generated<number>; name: string; direction: string; created_at_ms: number };
  tune_trials: {
    id: Generated<number>;
    study_id: number;
    number: number;
    state: string;
    value: number | null;
    error: string | null;
    /** JSON object of parameters fixed by `enqueueTrial`. */
    fixed_params: string;
    started_at_ms: number | null;
    /** Last sign of life from the process running the trial; null when heartbeats are off. */
    heartbeat_at_ms: number | null;
    completed_at_ms: number | null;
  };
  /** `value` is the external value as JSON, so floats, ints and choices round-trip exactly. */
  tune_trial_params: { trial_id: number; name: string; distribution: string; value: string };
  /** `value` null stands for NaN, which SQLite cannot store. */
  tune_trial_values: { trial_id: number; step: number; value: number | null };
  tune_trial_user_attrs: { trial_id: number; key: string; value: string };
}

export type SqlDialectName = 'sqlite' | 'postgres';
