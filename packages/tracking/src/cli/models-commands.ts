import type { TrackingClient } from '../client.ts';
import type { AliasHistoryEntry } from '../registry/records.ts';
import { formatNumber, formatTable, formatTime } from './table.ts';

// The text behind `sodai models list|show|promote|rollback`; see runs-commands.ts for the contract.

/**
 * `sodai models list`: each registered model with its version count and aliases.
 *
 * @example
 * console.log(await modelsList(client));
 */
export async function modelsList(client: TrackingClient): Promise<string> {
  const models = await client.registry.listRegisteredModels();
  if (models.length === 0) return 'no registered models';
  const rows = await Promise.all(
    models.map(async (m) => {
      const [versions, aliases] = await Promise.all([
        client.registry.listModelVersions(m.name),
        client.registry.listAliases(m.name),
      ]);
      return [
        m.name,
        String(versions.length),
        aliases.map((a) => `${a.alias}=v${a.version}`).join(', ') || '-',
        formatTime(m.updatedAt),
      ];
    }),
  );
  return formatTable(['MODEL', 'VERSIONS', 'ALIASES', 'UPDATED'], rows);
}

/**
 * `sodai models show <name>`: versions (with metric snapshots and aliases) and each alias's history.
 *
 * @example
 * console.log(await modelsShow(client, 'purchase'));
 */
export async function modelsShow(client: TrackingClient, name: string): Promise<string> {
  const model = await client.registry.getRegisteredModel(name);
  const [versions, aliases] = await Promise.all([
    client.registry.listModelVersions(name),
    client.registry.listAliases(name),
  ]);
  const out = [`model ${model.name}${model.description ? ` — ${model.description}` : ''}`, '', 'versions:'];
  out.push(
    formatTable(
      ['VERSION', 'STATUS', 'ALIASES', 'RUN', 'METRICS', 'CREATED'],
      versions.map((v) => [
        `v${v.version}`,
        v.status,
        aliases
          .filter((a) => a.version === v.version)
          .map((a) => a.alias)
          .join(', ') || '-',
        v.runId,
        Object.entries(v.metrics)
          .map(([k, x]) => `${k}=${formatNumber(x)}`)
          .join(' ') || '-',
        formatTime(v.createdAt),
      ]),
    ),
  );
  for (const a of aliases) {
    out.push(
      '',
      `alias ${a.alias} history:`,
      formatHistory(await client.registry.getAliasHistory(name, a.alias)),
    );
  }
  return out.join('\n');
}

export function formatHistory(history: readonly AliasHistoryEntry[]): string {
  return formatTable(
    ['#', 'VERSION', 'ACTION', 'FROM', 'UNTIL', 'ACTOR', 'REASON', 'GATE'],
    history.map((h) => [
      String(h.seq),
      `v${h.version}`,
      h.action,
      formatTime(h.startedAt),
      h.endedAt === null ? 'now' : formatTime(h.endedAt),
      h.actor,
      h.reason || '-',
      h.gate === null ? '-' : h.gate.passed ? 'passed' : 'failed',
    ]),
  );
}

export interface PromoteOptions {
  readonly name: string;
  readonly version: number;
  /** Default `champion`. */
  readonly alias?: string;
  readonly actor: string;
  readonly reason?: string;
}

/**
 * `sodai models promote`: moves the alias (default `champion`) and reports the move.
 *
 * @example
 * console.log(await modelsPromote(client, { name: 'purchase', version: 3, actor: 'alice', reason: 'manual' }));
 */
export async function modelsPromote(client: TrackingClient, o: PromoteOptions): Promise<string> {
  const alias = o.alias ?? 'champion';
  const before = await client.registry.getAlias(o.name, alias).catch(() => undefined);
  const entry = await client.registry.setAlias(o.name, alias, o.version, {
    actor: o.actor,
    ...(o.reason !== undefined ? { reason: o.reason } : {}),
  });
  if (before?.version === o.version) return `${o.name}@${alias} already v${o.version}; nothing moved`;
  return describeMove(o.name, alias, before?.version, entry);
}

export interface RollbackOptions {
  readonly name: string;
  readonly alias?: string;
  readonly actor: string;
  readonly reason: string;
  readonly toVersion?: number;
}

/**
 * `sodai models rollback`: moves the alias back and reports the move.
 *
 * @example
 * console.log(await modelsRollback(client, { name: 'purchase', actor: 'ops', reason: 'bad week' }));
 */
export async function modelsRollback(client: TrackingClient, o: RollbackOptions): Promise<string> {
  const alias = o.alias ?? 'champion';
  const before = await client.registry.getAlias(o.name, alias);
  const entry = await client.registry.rollbackAlias(o.name, alias, {
    actor: o.actor,
    reason: o.reason,
    ...(o.toVersion !== undefined ? { toVersion: o.toVersion } : {}),
  });
  return describeMove(o.name, alias, before.version, entry);
}

function describeMove(name: string, alias: string, from: number | undefined, e: AliasHistoryEntry): string {
  const was = from === undefined ? 'new alias' : `was v${from}`;
  return `${name}@${alias} -> v${e.version} (${was}) by ${e.actor} at ${formatTime(e.startedAt)}${e.reason ? `: ${e.reason}` : ''}`;
}
