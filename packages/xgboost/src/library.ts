import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import koffi from 'koffi';
import { XGBoostError } from './errors.ts';

/** Where the native library was found and which version it reports. */
export interface LibraryInfo {
  readonly path: string;
  readonly version: readonly [major: number, minor: number, patch: number];
}

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The project-local folder `scripts/fetch-libxgboost.sh` extracts Debian packages into. */
export const VENDOR_DIR = join(PACKAGE_ROOT, 'vendor', 'xgboost');

const LIB_NAME = /^libxgboost\.(so(\.\d+)*|dylib)$/;
const DMLC_NAME = /^libdmlc\.so(\.\d+)*$/;

const INSTALL_HINT = [
  'Install the native XGBoost library, then retry:',
  '  Debian/Ubuntu: sudo apt-get install libxgboost0   (or, without root: sh packages/xgboost/scripts/fetch-libxgboost.sh)',
  '  macOS:         brew install xgboost',
  '  conda:         conda install -c conda-forge libxgboost',
  'or point XGBOOST_LIBRARY_PATH at the libxgboost shared library (file or folder).',
].join('\n');

function systemLibraryDirs(): string[] {
  const dirs = [
    ...(process.env.LD_LIBRARY_PATH ?? '').split(':'),
    ...(process.env.DYLD_LIBRARY_PATH ?? '').split(':'),
    process.env.CONDA_PREFIX ? join(process.env.CONDA_PREFIX, 'lib') : '',
    `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`,
    '/usr/lib64',
    '/usr/lib',
    '/usr/local/lib',
    '/opt/homebrew/lib',
    '/opt/homebrew/opt/xgboost/lib',
    '/usr/local/opt/xgboost/lib',
  ];
  return dirs.filter((d) => d !== '');
}

function versionKey(name: string): number[] {
  return (name.match(/\d+/g) ?? []).map(Number);
}

/** Library files in `dir` matching `pattern`, the most specific version first. */
function filesIn(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => pattern.test(n))
    .sort((a, b) => {
      const ka = versionKey(a);
      const kb = versionKey(b);
      for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
        const d = (kb[i] ?? -1) - (ka[i] ?? -1);
        if (d !== 0) return d;
      }
      return 0;
    })
    .map((n) => join(dir, n));
}

/** Every folder below `root` that holds a shared library (Debian packages nest them in a multiarch dir). */
function vendorLibDirs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 4) return;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    if (names.some((n) => LIB_NAME.test(n) || DMLC_NAME.test(n))) out.push(dir);
    for (const n of names) {
      const p = join(dir, n);
      try {
        if (statSync(p).isDirectory()) walk(p, depth + 1);
      } catch {
        // dangling symlink: not a folder to search
      }
    }
  };
  walk(root, 0);
  return out;
}

/**
 * Candidate library paths in search order: `XGBOOST_LIBRARY_PATH` (a file or a folder; when set,
 * nothing else is tried), the project-local `vendor/xgboost/` folder, then the usual names in the system's library paths.
 * Bare names (`libxgboost.so`) are left to the dynamic loader's own search.
 *
 * @example
 * ```ts
 * import { libraryCandidates } from '@sodai/xgboost';
 * console.log(libraryCandidates().slice(0, 3));
 * ```
 */
export function libraryCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  const fromEnv = env.XGBOOST_LIBRARY_PATH;
  if (fromEnv) {
    const isDir = existsSync(fromEnv) && statSync(fromEnv).isDirectory();
    // An explicit choice is not second-guessed: when it fails, the error says so.
    return isDir ? filesIn(fromEnv, LIB_NAME) : [fromEnv];
  }
  for (const dir of vendorLibDirs(VENDOR_DIR)) out.push(...filesIn(dir, LIB_NAME));
  out.push(process.platform === 'darwin' ? 'libxgboost.dylib' : 'libxgboost.so');
  if (process.platform !== 'darwin') out.push('libxgboost.so.0');
  for (const dir of systemLibraryDirs()) out.push(...filesIn(dir, LIB_NAME));
  return [...new Set(out)];
}

/**
 * Debian's build links against `libdmlc.so.0`; when the library comes from the vendor folder (or
 * a folder named by XGBOOST_LIBRARY_PATH) that dependency is not on the loader's path, so it is
 * loaded first (globally) by full path.
 */
function preloadVendorDependencies(env: NodeJS.ProcessEnv): void {
  const fromEnv = env.XGBOOST_LIBRARY_PATH;
  const envDir =
    fromEnv && existsSync(fromEnv) && !statSync(fromEnv).isDirectory() ? dirname(fromEnv) : fromEnv;
  for (const dir of [...(envDir ? [envDir] : []), ...vendorLibDirs(VENDOR_DIR)]) {
    for (const dmlc of filesIn(dir, DMLC_NAME)) {
      try {
        koffi.load(dmlc, { global: true });
        return;
      } catch {
        // try the next one; the real failure surfaces when libxgboost itself loads
      }
    }
  }
}

/**
 * Loads the first candidate that opens. Throws `LIBRARY_NOT_FOUND` with install instructions.
 * Exposed for diagnostics; the binding calls it once, lazily.
 */
export function openLibrary(env: NodeJS.ProcessEnv = process.env): {
  lib: ReturnType<typeof koffi.load>;
  path: string;
} {
  preloadVendorDependencies(env);
  const failures: string[] = [];
  for (const path of libraryCandidates(env)) {
    try {
      return { lib: koffi.load(path), path };
    } catch (err) {
      failures.push(`  ${path}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  }
  throw new XGBoostError(
    'LIBRARY_NOT_FOUND',
    `Could not load the native XGBoost library (libxgboost).\n${INSTALL_HINT}\nTried:\n${failures.slice(0, 12).join('\n')}`,
  );
}
