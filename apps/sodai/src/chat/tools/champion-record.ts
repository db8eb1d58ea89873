import type { ModelVersion } from '@sodai/tracking';
import { MODEL_NAME } from '../../model/registry.ts';
import type { ChatToolbox } from './toolbox.ts';

/** A version's registry record, or undefined when there is no registry or no such version. */
export async function versionRecord(box: ChatToolbox, version: number): Promise<ModelVersion | undefined> {
  return box.registry?.registry.getModelVersion(MODEL_NAME, version).catch(() => undefined);
}

/**
 * The metrics training logged for a version (`test_f1`, `f1_gain_vs_best_baseline`…): those recorded
 * with the version, then any its run logged later.
 */
export async function testMetrics(
  box: ChatToolbox,
  v: ModelVersion | undefined,
): Promise<Readonly<Record<string, number>>> {
  if (!v) return {};
  const details = box.registry ? await box.registry.getRunDetails(v.runId).catch(() => undefined) : undefined;
  return {
    ...v.metrics,
    ...Object.fromEntries((details?.latestMetrics ?? []).map((m) => [m.key, m.value])),
  };
}

/** How `sodai train` describes a version: its test week is the last date in it. */
const TESTED_ON = /tested on the week from (\d{4}-\d{2}-\d{2})/;

/** The week a version was tested on while training (YYYY-MM-DD), from its signature or description. */
export function testWeek(v: ModelVersion | undefined): string | undefined {
  const recorded = v?.signature?.testCutoff;
  if (typeof recorded === 'string') return recorded;
  return TESTED_ON.exec(v?.description ?? '')?.[1];
}
