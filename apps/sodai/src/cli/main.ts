import { createRequire } from 'node:module';
import { CommanderError } from 'commander';
import { isSodaiError } from '../errors.ts';

const APP_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Whether `word` is the value of the global option before it (`-c file`, `--log-format json`). */
function isOptionValue(args: readonly string[], word: string): boolean {
  const before = args[args.indexOf(word) - 1];
  return before === '-c' || before === '--config' || before === '--log-format';
}

async function main(argv: string[]): Promise<void> {
  // Only before any command: `sodai models promote --version 3` keeps its own --version.
  const args = argv.slice(2);
  const firstCommand = args.findIndex((a) => !a.startsWith('-') && !isOptionValue(args, a));
  const head = firstCommand === -1 ? args : args.slice(0, firstCommand);
  if (head.includes('--version') || head.includes('-V')) {
    process.stdout.write(`${APP_VERSION}\n`);
    return;
  }
  // Under Node 20 the AWS SDK prints a 7-line notice in every process that touches S3: its releases
  // after January 2027 will need Node 22. The locked SDK runs on 20; `sodai doctor` says it once, where
  // an operator looks. Setting the variable to false brings the SDK's own notice back.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  try {
    // Loaded after the version check: the command tree pulls in DuckDB, XGBoost and the server.
    const { buildCli } = await import('./build-cli.ts');
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

// `sodai runs list | head` closes the pipe early. End as Unix tools do on a closed pipe: silently,
// with 128 + SIGPIPE (a command cut short must not report success), not with a stack trace landing
// in the middle of the reader's terminal. Writes are atomic, so stopping here loses nothing.
const SIGPIPE_STATUS = 141;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(SIGPIPE_STATUS);
});

await main(process.argv);
