import type { AlertRule } from '../contract/alerts-api.ts';

/** One open alert as the chat reads it (the alert store's record has these fields and more). */
export interface ChatAlert {
  readonly rule: AlertRule;
  readonly severity: 'warning' | 'critical';
  /** The rule's one line, in English, as the inbox and the webhook show it. */
  readonly summary: string;
  readonly openedAt: Date;
  readonly lastSeenAt: Date;
  readonly acknowledgedBy: string | null;
  /** The rule's facts (a refused batch's files, a failed run's id); the store keeps them. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Where the chat reads the monitoring's open alerts from (the alert store behind /api/alerts).
 * Read-only: the chat never opens, resolves nor acknowledges one. Optional: without it the
 * assistant says alerts are not set up on this server.
 */
export interface AlertSource {
  /** The open alerts, newest first. */
  open(): Promise<readonly ChatAlert[]>;
}
