import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as drift from '@sodai/drift';

describe('entry point', () => {
  it('resolves by package name and exposes the public API', () => {
    for (const name of [
      'createReference',
      'parseReference',
      'detectDrift',
      'predictionDrift',
      'labelDrift',
      'DriftError',
    ]) {
      expect(typeof (drift as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('has no runtime dependencies (the statistics are written here)', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(pkg.dependencies ?? {}).toEqual({});
  });
});
