import { Command, Option } from 'commander';
import { registerConfigCommand } from './commands/config-command.ts';
import { registerDataCommands } from './commands/data-commands.ts';
import { registerIngestCommand } from './commands/ingest-command.ts';
import { registerDemoCommand } from './commands/demo-command.ts';
import { registerDoctorCommand } from './commands/doctor-command.ts';
import { registerExportCommand } from './commands/export-command.ts';
import { registerMonitorCommands } from './commands/monitor-commands.ts';
import { registerAlertCommands } from './commands/alert-commands.ts';
import { registerModelCommands } from './commands/model-commands.ts';
import { registerRegistryCommands } from './commands/registry-commands.ts';
import { registerFlowCommands } from './commands/flow-commands.ts';
import { registerServeCommand } from './commands/serve-command.ts';
import { registerStoreCommands } from './commands/store-commands.ts';
import { addHelpExamples } from './help-examples.ts';
import { configureCliLogger, defaultLogFormat, type LogFormat } from './cli-logger.ts';

/** The `sodai` command tree, every command registered, not yet parsed. */
export function buildCli(): Command {
  const program = new Command('sodai')
    .description('SodAI: weekly purchase prediction for a beverage distributor')
    .option('-c, --config <file>', 'config file (default: ./sodai.config.json when present)')
    .addOption(
      new Option('--log-format <format>', 'log lines on stderr as JSON (pino) or for people')
        .choices(['json', 'pretty'])
        .default(defaultLogFormat()),
    )
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
  registerMonitorCommands(program);
  registerAlertCommands(program);
  registerDemoCommand(program);
  registerDoctorCommand(program);
  registerExportCommand(program);
  addHelpExamples(program);
  program.hook('preAction', (root) => {
    configureCliLogger(root.opts<{ logFormat: LogFormat }>().logFormat);
  });
  return program;
}
