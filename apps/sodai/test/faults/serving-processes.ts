import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../../bin/sodai.js');

export interface SodaiProcess {
  /** Everything it printed so far (for failure messages). */
  output(): string;
  /** Null while it runs. */
  exitCode(): number | null;
  /** SIGTERM, and SIGKILL if it has not exited within `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `sodai <args>` on its own config file in `dir` (nothing from this process's environment
 * leaks in) and resolves once it prints `readyLine`; rejects with its output if it exits first.
 */
export async function startSodai(
  args: readonly string[],
  dir: string,
  config: object,
  readyLine: string,
  env: Readonly<Record<string, string>> = {},
): Promise<SodaiProcess> {
  const file = path.join(dir, `sodai.${args[0]}.config.json`);
  // info: the processes say when they are ready ('sodai serving', 'worker waiting for tasks').
  writeFileSync(file, JSON.stringify({ ...config, dataDir: dir, logLevel: 'info' }));
  const child = spawn(process.execPath, [BIN, ...args], {
    env: {
      ...process.env,
      SODAI_CONFIG: file,
      SODAI_DATA_DIR: '',
      DATABASE_URL: '',
      REDIS_URL: '',
      SODAI_OBJECT_STORE: '',
      SODAI_ADMIN_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exit: number | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exit = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(readyLine)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`sodai ${args.join(' ')} exited (${exit}):\n${output}`)));
  });
  return {
    output: () => output,
    exitCode: () => exit,
    async stop(graceMs = 10_000) {
      if (exit !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface Response {
  readonly url: string;
  readonly at: number;
  readonly status: number;
  readonly body: string;
}

export interface RequestSpec {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: unknown;
}

export interface ResponseWatch {
  /** The last answer to `url`. */
  latest(url: string): Response | undefined;
  /** Every answer (to `url`, or to all). */
  all(url?: string): readonly Response[];
  /** Requests that got no HTTP answer at all (refused, reset, timed out). */
  errors(): readonly string[];
  stop(): Promise<void>;
}

/** Sends each request in turn every `everyMs` until stopped, keeping every answer. */
export function watchResponses(base: string, requests: readonly RequestSpec[], everyMs = 100): ResponseWatch {
  const responses: Response[] = [];
  const errors: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const r of requests) {
        try {
          const res = await fetch(`${base}${r.url}`, {
            method: r.method,
            signal: AbortSignal.timeout(5000),
            ...(r.body === undefined
              ? {}
              : { body: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }),
          });
          responses.push({ url: r.url, at: Date.now(), status: res.status, body: await res.text() });
        } catch (error) {
          errors.push(`${r.url}: ${String(error)}`);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    latest: (url) => responses.findLast((r) => r.url === url),
    all: (url) => (url === undefined ? responses : responses.filter((r) => r.url === url)),
    errors: () => errors,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Polls `condition` until it holds, failing with `what` after `timeoutMs`. */
export async function waitFor(
  condition: () => Promise<boolean>,
  timeoutMs: number,
  what: string | (() => string),
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
