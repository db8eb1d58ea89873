import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs one job of measure-child.ts in a fresh process and returns its JSON line. */
export async function measureChild(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    // The child resolves workspace packages to their sources, as the parent does: without the
    // condition it looks for their dist/ builds, which a fresh worktree does not have.
    [
      '--conditions=@sodai/source',
      '--import',
      'tsx',
      path.join(import.meta.dirname, 'measure-child.ts'),
      ...args,
    ],
    { maxBuffer: 1 << 24, env },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

export const REAL_DIR = path.resolve(import.meta.dirname, '../../../../shared/data/sodai-2024');
export const REAL_CUSTOMERS = 1569;
