import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataPaths, loadConfig } from '../src/config/load-config.ts';
import { isSodaiError } from '../src/errors.ts';
import { tempDir } from './helpers.ts';

const dir = tempDir();

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(isSodaiError(error, 'INVALID_CONFIG')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('works with no file and no environment, with safe defaults', () => {
    const { config, source } = loadConfig({ env: {}, cwd: dir });
    expect(source).toBeUndefined();
    expect(config.server).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      // Safe defaults: raw data and reports need a token, no proxy is trusted, no named tokens.
      publicRead: 'predictions',
      trustProxy: false,
      tokens: [],
      requestLog: 'cold',
    });
    expect(config.server.operatorToken).toBeUndefined();
    expect(config.server.tokenSecrets).toBeUndefined();
    expect(config.server.adminToken).toBeUndefined();
    expect(dataPaths(config, dir).storeFile).toBe(path.join(dir, '.sodai', 'store.duckdb'));
  });

  it('layers the environment over the file', () => {
    const file = path.join(dir, 'sodai.config.json');
    writeFileSync(file, JSON.stringify({ dataDir: 'from-file', server: { port: 9000 } }));
    const { config, overrides } = loadConfig({ env: { SODAI_PORT: '9100' }, cwd: dir });
    expect(config.dataDir).toBe('from-file');
    expect(config.server.port).toBe(9100);
    expect(overrides).toEqual(['SODAI_PORT']);
  });

  it('names the key, the variable and the expected form of a bad value', () => {
    const message = configError(() =>
      loadConfig({ env: { SODAI_PORT: 'eighty' }, cwd: path.join(dir, 'none') }),
    );
    expect(message).toContain('server.port (from SODAI_PORT)');
    expect(message).toMatch(/expected number/i);
  });

  it('rejects unknown keys in the file so typos are not silent', () => {
    const file = path.join(dir, 'typo.json');
    writeFileSync(file, JSON.stringify({ dataDri: 'x' }));
    expect(configError(() => loadConfig({ file, env: {} }))).toMatch(/dataDri/);
  });

  it('reports a malformed file and a missing explicit file', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    expect(configError(() => loadConfig({ file, env: {} }))).toContain('not valid JSON');
    expect(configError(() => loadConfig({ file: path.join(dir, 'missing.json'), env: {} }))).toContain(
      'not found',
    );
  });

  it('names the expected form of a memory limit', () => {
    expect(configError(() => loadConfig({ env: { SODAI_STORE_MEMORY_LIMIT: 'lots' }, cwd: dir }))).toMatch(
      /storeMemoryLimit \(from SODAI_STORE_MEMORY_LIMIT\): a size such as 4GB/,
    );
  });

  it('names the retention schedule when it is not a cron expression, and defaults to a weekly gc', () => {
    const file = path.join(dir, 'retention.json');
    writeFileSync(file, JSON.stringify({ retention: { schedule: 'every sunday' } }));
    expect(configError(() => loadConfig({ file, env: {} }))).toMatch(
      /retention\.schedule.*cron expression or nickname/,
    );
    expect(loadConfig({ env: {}, cwd: path.join(dir, 'none') }).config.retention).toMatchObject({
      schedule: '0 4 * * 0',
      runsDays: 90,
      unpromotedVersionsDays: 30,
      quarantineDays: 90,
    });
  });

  it('refuses a short admin token', () => {
    expect(configError(() => loadConfig({ env: { SODAI_ADMIN_TOKEN: 'short' }, cwd: dir }))).toContain(
      'server.adminToken (from SODAI_ADMIN_TOKEN)',
    );
  });
});
