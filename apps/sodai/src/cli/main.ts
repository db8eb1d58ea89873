import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { isSodaiError } from '../errors.ts';
import { registerConfigCommand } from './commands/config-command.ts';
import { registerDataCommands } from './commands/data-commands.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerDemoCommand } from './commands/demo-command.ts';
import { registerModelCommands } from './commands/model-commands.ts';
import { registerRegistryCommands } from './commands/registry-commands.ts';
import { registerFlowCommands } from './commands/flow-commands.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerStoreCommands } from './commands/store-commands.ts';
import { registerAlertCommands } from './commands/alert-commands.ts';

const APP_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

export function buildCli(): Command {
  const program = new Command('sodai')
    .description('SodAI: weekly purchase prediction for a beverage distributor')
    .addHelpText('after', '\nsodai --version prints the version.')
    .option('-c, --config <file>', 'config file (default: ./sodai.config.json when present)')
    .showHelpAfterError()
    .exitOverride();
  registerConfigCommand(program);
  registerDataCommands(program);
  registerIngestCommand(program);
  registerModelCommands(program);
  registerRegistryCommands(program);
  registerFlowCommands(program);
  registerServeCommand(program);
  registerStoreCommands(program);
  registerDemoCommand(program);
  registerAlertCommands(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  // Only as the whole command line: `sodai models promote --version 3` keeps its own --version.
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${APP_VERSION}\n`);
    return;
  }
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    // Expected failures print their message; anything else too, with the stack only when asked for.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (!isSodaiError(error) && process.env.SODAI_DEBUG === '1' && error instanceof Error) {
      process.stderr.write(`${error.stack}\n`);
    }
    process.exitCode = 1;
  }
}

await main(process.argv);
