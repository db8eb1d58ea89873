import type { AlertsConfig } from '../../config/config-schema.ts';
import type { Catalog } from '../../store/catalog/catalog.ts';
import type { RequestWindow } from '../request-window.ts';
import type { AlertCenter } from './alert-center.ts';
import type { AlertObservation } from './alert-observation.ts';
import { apiHealth, predictionLogDrops } from './pipeline-rules.ts';
import { staleDataObservation } from './weekly-run-alerts.ts';

export interface ServerAlertSources {
  readonly center: AlertCenter;
  readonly settings: AlertsConfig;
  readonly requests: RequestWindow;
  /** Rows the prediction log dropped so far; undefined when the server logs none. */
  readonly droppedRows: () => number | undefined;
  readonly catalog: Catalog;
  readonly now: () => number;
  readonly onError: (error: unknown) => void;
}

/**
 * What only a running server sees — API errors and latency over the window, prediction log drops —
 * plus data freshness, which must be checked even when no run happens at all (a dead scheduler
 * runs no hook). `check()` is one evaluation; `start()` repeats it every `api.checkIntervalMs`.
 */
export function serverAlertTimer(sources: ServerAlertSources) {
  let lastDropped = sources.droppedRows() ?? 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const check = async (): Promise<void> => {
    const now = sources.now();
    const observations: (AlertObservation | undefined)[] = [
      ...apiHealth(sources.requests.stats(now), sources.settings.api),
    ];
    const dropped = sources.droppedRows();
    if (dropped !== undefined) {
      observations.push(predictionLogDrops(dropped - lastDropped, dropped));
      lastDropped = dropped;
    }
    observations.push(await staleDataObservation(sources.catalog, now, sources.settings));
    await sources.center.observe(observations);
  };
  return {
    check: () => (running = running.then(check)),
    start() {
      if (!sources.settings.enabled) return;
      timer = setInterval(() => {
        running = running.then(check).catch(sources.onError);
      }, sources.settings.api.checkIntervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running.catch(() => undefined);
    },
  };
}
