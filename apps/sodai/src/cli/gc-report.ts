import { formatTable } from '@sodai/tracking';
import type { GcItem } from '../store/gc/gc-item.ts';
import type { GarbageCollection } from '../jobs/collect-garbage.ts';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** `8.1 MB`: sizes for people; the JSON keeps exact byte counts. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

const row = (i: GcItem) => [i.kind, i.id, formatBytes(i.bytes), i.reason];

/** The text `sodai gc` prints: what goes (or went), what the policy kept on purpose, the total. */
export function formatGc({ plan, outcome }: GarbageCollection): string {
  const items = outcome ? outcome.removed : plan.items;
  const lines: string[] = [];
  if (items.length > 0) lines.push(formatTable(['kind', 'id', 'size', 'why'], items.map(row)));
  for (const s of outcome?.skipped ?? []) lines.push(`kept ${s.item.kind} ${s.item.id}: ${s.reason}`);
  const champion = plan.kept.champion === null ? 'no champion' : `champion v${plan.kept.champion}`;
  const versions = plan.kept.versions.map((v) => `v${v}`).join(', ') || 'none';
  lines.push(`kept: ${champion}; versions ${versions} (held an alias, newest, or named by a commit)`);
  const count = `${items.length} item${items.length === 1 ? '' : 's'}`;
  lines.push(
    outcome
      ? `${count} removed, ${formatBytes(outcome.bytes)} freed`
      : `${count}, ${formatBytes(plan.bytes)} would be freed (dry run: nothing removed)`,
  );
  return lines.join('\n');
}
