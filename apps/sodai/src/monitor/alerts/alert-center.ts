import type { AlertChannel, AlertEvent } from './alert-event.ts';
import type { AlertObservation } from './alert-observation.ts';
import type { AlertStore } from './alert-store.ts';

export interface AlertCenterOptions {
  readonly store: AlertStore;
  readonly channels: readonly AlertChannel[];
  readonly now?: () => number;
  /** A channel that failed (after its own retries). Default: a process warning. */
  readonly onError?: (error: unknown, channel: string) => void;
  /** false: state is kept but nobody is notified (`alerts.enabled`). */
  readonly notify?: boolean;
}

/**
 * Where observations become alerts: each one moves its condition's state in the store, and only an
 * alert that opens or resolves is sent to the channels — a condition that keeps firing stays one
 * alert (no storm). Every producer (a DAG run hook, the server's timer, the CLI) goes through it.
 *
 * @example
 * const center = new AlertCenter({ store, channels: [logChannel(log)] });
 * await center.observe([datasetDrift({ drifted: true, week: '2024-06-03', reason: 'psi 0.3' })]);
 */
export class AlertCenter {
  readonly #now: () => number;
  constructor(private readonly options: AlertCenterOptions) {
    this.#now = options.now ?? Date.now;
  }

  get store(): AlertStore {
    return this.options.store;
  }

  /** Applies the observations in order; resolves once every channel has been tried for each event. */
  async observe(observations: readonly (AlertObservation | undefined)[]): Promise<AlertEvent[]> {
    const events: AlertEvent[] = [];
    for (const o of observations) {
      if (!o) continue;
      const t = await this.options.store.apply(o, this.#now());
      if (t.kind === 'opened' || t.kind === 'resolved') events.push({ kind: t.kind, alert: t.alert });
    }
    if (this.options.notify !== false) {
      await Promise.all(events.map((e) => this.#dispatch(e)));
    }
    return events;
  }

  async #dispatch(event: AlertEvent): Promise<void> {
    await Promise.all(
      this.options.channels.map(async (channel) => {
        try {
          await channel.send(event);
        } catch (error) {
          if (this.options.onError) this.options.onError(error, channel.name);
          else process.emitWarning(String(error), { type: 'AlertChannelError' });
        }
      }),
    );
  }
}
