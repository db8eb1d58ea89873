import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoOpensReads } from '../src/cli/commands/demo-command.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { tempDir } from './helpers.ts';

describe('the demo web app', () => {
  it('opens its pages without a sign-in when the server answers this machine only', () => {
    expect(demoOpensReads(loadConfig({ env: {}, cwd: tempDir() }))).toBe(true);
    expect(demoOpensReads(loadConfig({ env: { SODAI_HOST: '::1' }, cwd: tempDir() }))).toBe(true);
  });

  it('keeps reads behind a token when the server answers other machines', () => {
    expect(demoOpensReads(loadConfig({ env: { SODAI_HOST: '0.0.0.0' }, cwd: tempDir() }))).toBe(false);
    expect(demoOpensReads(loadConfig({ env: { SODAI_HOST: '10.0.0.5' }, cwd: tempDir() }))).toBe(false);
  });

  it('leaves a publicRead the user chose alone, in the environment or the config file', () => {
    const fromEnv = loadConfig({ env: { SODAI_PUBLIC_READ: 'predictions' }, cwd: tempDir() });
    expect(fromEnv.given).toEqual(['server.publicRead']);
    expect(demoOpensReads(fromEnv)).toBe(false);
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'sodai.config.json'),
      JSON.stringify({ server: { publicRead: 'predictions', port: 9000 } }),
    );
    const fromFile = loadConfig({ env: {}, cwd: dir });
    expect(fromFile.given.sort()).toEqual(['server.port', 'server.publicRead']);
    expect(demoOpensReads(fromFile)).toBe(false);
  });
});
