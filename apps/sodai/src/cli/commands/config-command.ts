import type { Command } from 'commander';
import { loadAppContext } from '../load-app-context.ts';
import { withJson } from '../output.ts';

/** A connection URL with its password replaced by `***` (a URL that does not parse is kept as is). */
export function maskUrlPassword(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function registerConfigCommand(program: Command): void {
  withJson(
    program
      .command('config')
      .description('print the effective configuration (config file + environment, validated) as JSON'),
  ).action(async () => {
    const { resolved, paths } = await loadAppContext(program.opts<{ config?: string }>().config);
    const safe = {
      ...resolved.config,
      databaseUrl: maskUrlPassword(resolved.config.databaseUrl),
      ...(resolved.config.redisUrl ? { redisUrl: maskUrlPassword(resolved.config.redisUrl) } : {}),
      server: {
        ...resolved.config.server,
        adminToken: resolved.config.server.adminToken ? '***' : undefined,
        tokenSecrets: resolved.config.server.tokenSecrets ? '***' : undefined,
        operatorToken: resolved.config.server.operatorToken ? '***' : undefined,
      },
      alerts: {
        ...resolved.config.alerts,
        ...(resolved.config.alerts.webhook
          ? {
              webhook: {
                ...resolved.config.alerts.webhook,
                secret: resolved.config.alerts.webhook.secret ? '***' : undefined,
              },
            }
          : {}),
      },
      chat: {
        ...resolved.config.chat,
        llm: { ...resolved.config.chat.llm, apiKey: resolved.config.chat.llm.apiKey ? '***' : undefined },
      },
    };
    // stdout is the JSON alone (so `sodai config | jq` works); the notes go to stderr.
    process.stdout.write(`${JSON.stringify(safe, null, 2)}\n`);
    process.stderr.write(`# source: ${resolved.source ?? 'defaults (no config file)'}\n`);
    if (resolved.overrides.length > 0)
      process.stderr.write(`# environment: ${resolved.overrides.join(', ')}\n`);
    process.stderr.write(`# store: ${paths.storeFile}\n# landing: ${paths.landingDir}\n`);
  });
}
