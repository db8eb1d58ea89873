import type { Command } from 'commander';
import { appContext } from '../app-context.ts';

export function registerConfigCommand(program: Command): void {
  program
    .command('config')
    .description('print the effective configuration (config file + environment, validated)')
    .action(() => {
      const { resolved, paths } = appContext(program.opts<{ config?: string }>().config);
      const safe = {
        ...resolved.config,
        server: {
          ...resolved.config.server,
          adminToken: resolved.config.server.adminToken ? '***' : undefined,
        },
        chat: {
          ...resolved.config.chat,
          llm: { ...resolved.config.chat.llm, apiKey: resolved.config.chat.llm.apiKey ? '***' : undefined },
        },
      };
      process.stdout.write(`${JSON.stringify(safe, null, 2)}\n`);
      process.stdout.write(`# source: ${resolved.source ?? 'defaults (no config file)'}\n`);
      if (resolved.overrides.length > 0)
        process.stdout.write(`# environment: ${resolved.overrides.join(', ')}\n`);
      process.stdout.write(`# store: ${paths.storeFile}\n# landing: ${paths.landingDir}\n`);
    });
}
