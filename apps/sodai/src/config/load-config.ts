import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigSchema, type SodaiConfig } from './config-schema.ts';
import { SodaiError } from '../errors.ts';

/** Environment variables that override the config file, and the key each one sets. */
export const ENV_OVERRIDES: Readonly<Record<string, readonly string[]>> = {
  SODAI_DATA_DIR: ['dataDir'],
  SODAI_LANDING_DIR: ['landingDir'],
  DATABASE_URL: ['databaseUrl'],
  REDIS_URL: ['redisUrl'],
  SODAI_STORE_MEMORY_LIMIT: ['storeMemoryLimit'],
  SODAI_OBJECT_STORE: ['objectStore'],
  SODAI_QUEUE_NAME: ['queueName'],
  SODAI_HOST: ['server', 'host'],
  SODAI_PORT: ['server', 'port'],
  SODAI_ADMIN_TOKEN: ['server', 'adminToken'],
  SODAI_TOKENS: ['server', 'tokenSecrets'],
  SODAI_OPERATOR_TOKEN: ['server', 'operatorToken'],
  SODAI_PUBLIC_READ: ['server', 'publicRead'],
  SODAI_ALERTS_WEBHOOK_URL: ['alerts', 'webhook', 'url'],
  SODAI_ALERTS_WEBHOOK_SECRET: ['alerts', 'webhook', 'secret'],
  SODAI_LOG_LEVEL: ['logLevel'],
  SODAI_REQUEST_LOG: ['server', 'requestLog'],
  SODAI_CHAT_LLM_URL: ['chat', 'llm', 'baseUrl'],
  SODAI_CHAT_LLM_MODEL: ['chat', 'llm', 'model'],
  SODAI_CHAT_LLM_API_KEY: ['chat', 'llm', 'apiKey'],
};

export const DEFAULT_CONFIG_FILE = 'sodai.config.json';

export interface LoadConfigOptions {
  /** Explicit config file; otherwise SODAI_CONFIG, then ./sodai.config.json when present. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface ResolvedConfig {
  config: SodaiConfig;
  /** The file that was read, if any. */
  source: string | undefined;
  /** Environment variables that changed a value. */
  overrides: string[];
  /** Settings given by the file or the environment rather than defaulted (dotted: `server.publicRead`). */
  given: string[];
}

function dottedKeys(value: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? dottedKeys(child as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function coerceEnvValue(keys: readonly string[], raw: string): unknown {
  // Numbers arrive as strings from the environment; the schema decides whether they are valid.
  if (keys[keys.length - 1] === 'port' && /^-?\d+$/.test(raw.trim())) return Number(raw);
  return raw;
}

function describeIssue(issue: z.core.$ZodIssue, overrides: Map<string, string>): string {
  const key = issue.path.join('.');
  const envName = overrides.get(key);
  const origin = envName ? ` (from ${envName})` : '';
  return `${key || '(root)'}${origin}: ${issue.message}`;
}

/** Reads the config file and environment, validates them, and returns the effective configuration. */
export function loadConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.file ?? env.SODAI_CONFIG;
  const candidate = explicit ?? path.join(cwd, DEFAULT_CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  let source: string | undefined;
  if (existsSync(candidate)) {
    source = path.resolve(cwd, candidate);
    try {
      const parsed: unknown = JSON.parse(readFileSync(source, 'utf8'));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new SodaiError('INVALID_CONFIG', `${source}: the config file must hold a JSON object`);
      }
      raw = parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof SodaiError) throw error;
      throw new SodaiError('INVALID_CONFIG', `${source}: not valid JSON (${(error as Error).message})`);
    }
  } else if (explicit) {
    throw new SodaiError('INVALID_CONFIG', `config file not found: ${explicit}`);
  }

  const appliedOverrides = new Map<string, string>();
  for (const [name, keys] of Object.entries(ENV_OVERRIDES)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(raw, keys, coerceEnvValue(keys, value));
    appliedOverrides.set(keys.join('.'), name);
  }

  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue, appliedOverrides)}`);
    throw new SodaiError(
      'INVALID_CONFIG',
      `invalid configuration${source ? ` in ${source}` : ''}:\n${lines.join('\n')}`,
    );
  }
  return { config: result.data, source, overrides: [...appliedOverrides.values()], given: dottedKeys(raw) };
}

/** Absolute paths derived from the configuration, in one place. */
export interface DataPaths {
  dataDir: string;
  landingDir: string;
  storeFile: string;
  reportsDir: string;
}

export function dataPaths(config: SodaiConfig, cwd = process.cwd()): DataPaths {
  const dataDir = path.resolve(cwd, config.dataDir);
  return {
    dataDir,
    landingDir: path.resolve(cwd, config.landingDir ?? path.join(dataDir, 'landing')),
    storeFile: path.join(dataDir, 'store.duckdb'),
    reportsDir: path.join(dataDir, 'reports'),
  };
}
