import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryCandidates, libraryInfo, openLibrary, XGBoostError } from '../src/index.ts';

describe('library', () => {
  it('loads libxgboost and reports its version', () => {
    const info = libraryInfo();
    expect(info.version[0]).toBeGreaterThanOrEqual(1);
    expect(info.version).toHaveLength(3);
    expect(info.path).toMatch(/libxgboost/);
  });

  it('tries XGBOOST_LIBRARY_PATH alone when it is set', () => {
    expect(libraryCandidates({ XGBOOST_LIBRARY_PATH: '/opt/x/libxgboost.so' })).toEqual([
      '/opt/x/libxgboost.so',
    ]);
  });

  it('lists the libraries of an XGBOOST_LIBRARY_PATH folder, most specific version first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xgb-lib-'));
    for (const name of ['libxgboost.so', 'libxgboost.so.0', 'libxgboost.so.1.6.0', 'libother.so']) {
      writeFileSync(join(dir, name), '');
    }
    expect(libraryCandidates({ XGBOOST_LIBRARY_PATH: dir })).toEqual([
      join(dir, 'libxgboost.so.1.6.0'),
      join(dir, 'libxgboost.so.0'),
      join(dir, 'libxgboost.so'),
    ]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('searches versioned names such as Debian libxgboost.so.1.6.0 in system folders', () => {
    const candidates = libraryCandidates({});
    expect(candidates).toContain('libxgboost.so');
    expect(candidates.some((c) => /libxgboost\.so\.\d/.test(c))).toBe(true);
  });

  it('explains how to install the library when it is missing', () => {
    let error: unknown;
    try {
      openLibrary({ XGBOOST_LIBRARY_PATH: '/nonexistent/libxgboost.so' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(XGBoostError);
    const e = error as XGBoostError;
    expect(e.code).toBe('LIBRARY_NOT_FOUND');
    expect(e.message).toContain('apt-get install libxgboost0');
    expect(e.message).toContain('brew install xgboost');
    expect(e.message).toContain('conda install');
    expect(e.message).toContain('/nonexistent/libxgboost.so');
  });
});
