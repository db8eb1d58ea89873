import type { RunRecord, RunStore } from '@sodai/pipeline';
import type { AlertsConfig } from '../../config/config-schema.ts';
import { openCatalog } from '../../store/catalog/open-catalog.ts';
import { AlertCenter } from './alert-center.ts';
import { logChannel, type AlertChannel } from './alert-event.ts';
import type { AlertObservation } from './alert-observation.ts';
import { openAlertStore } from './alert-store.ts';
import { realizedBelowRule, realizedBelowTest, type RealizedF1Source } from './realized-rules.ts';
import { webhookChannel } from './webhook-channel.ts';
import { staleDataObservation, weeklyRunObservations } from './weekly-run-alerts.ts';

export interface AlertingOptions {
  readonly alerts: AlertsConfig;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  readonly log: (level: 'warn' | 'info', line: string) => void;
  readonly now?: () => number;
  /**
   * Realized F1 per week and serving version (from the realized-performance rows). Absent: the two
   * realized rules are not evaluated.
   */
  readonly realized?: RealizedF1Source;
}

/** The channels the configuration asks for: always the log, the webhook when one is set. */
export function alertChannels(options: Pick<AlertingOptions, 'alerts' | 'log' | 'now'>): AlertChannel[] {
  const channels = [logChannel(options.log)];
  if (options.alerts.webhook) {
    channels.push(webhookChannel(options.alerts.webhook, options.now ? { now: options.now } : {}));
  }
  return channels;
}

/** A process's alert center over the deployment's metadata database. Close it when done. */
export async function openAlertCenter(options: AlertingOptions): Promise<AlertCenter> {
  const store = await openAlertStore({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  return new AlertCenter({
    store,
    channels: alertChannels(options),
    notify: options.alerts.enabled,
    onError: (error, channel) => options.log('warn', `alert channel ${channel} failed: ${String(error)}`),
    ...(options.now ? { now: options.now } : {}),
  });
}

/** Observations of the data (stale batches) and of realized performance, wherever they are asked for. */
export async function dataObservations(options: AlertingOptions): Promise<AlertObservation[]> {
  const now = (options.now ?? Date.now)();
  const catalog = await openCatalog({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const out: AlertObservation[] = [];
  try {
    const stale = await staleDataObservation(catalog, now, options.alerts);
    if (stale) out.push(stale);
  } finally {
    await catalog.close();
  }
  if (options.realized) {
    const weeks = await options.realized();
    out.push(
      ...realizedBelowRule(weeks, options.alerts.realizedBelowRuleWeeks),
      ...realizedBelowTest(weeks, options.alerts.realizedBelowTestF1),
    );
  }
  return out;
}

/**
 * The orchestrator's run hook: when a weekly run ends, its outcome, drift verdict and the gate's
 * streak, then the data's freshness and realized performance, are observed and notified. Opens the
 * alert store for the call only, so a CLI process holds no connection between runs.
 */
export function alertsOnRunFinished(options: AlertingOptions) {
  return async (run: RunRecord, runs: RunStore): Promise<void> => {
    if (!options.alerts.enabled) return;
    const center = await openAlertCenter(options);
    try {
      const observations = [
        ...(await weeklyRunObservations(run, runs, options.alerts)),
        ...(await dataObservations(options)),
      ];
      await center.observe(observations);
    } finally {
      await center.store.close();
    }
  };
}
