// What the first page (`/`, the Predict page) downloads: the entry chunk, its static imports and the
// Predict page's lazily loaded chunk with its imports, raw and gzipped; then what the first answer
// adds (the chart library). Builds apps/web first.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

const WEB = fileURLToPath(new URL('..', import.meta.url));
const DIST = path.join(WEB, 'dist');
const started = performance.now();
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
const buildSeconds = (performance.now() - started) / 1000;

const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;
const closure = (keys: readonly string[], seen = new Set<string>()): Set<string> => {
  for (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    closure(manifest[key]?.imports ?? [], seen);
  }
  return seen;
};
const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const predict = Object.keys(manifest).find((k) => k.endsWith('predict-page.tsx'))!;
const chart = Object.keys(manifest).find((k) => k.endsWith('contributions-chart.tsx'))!;
const weigh = (keys: Iterable<string>) => {
  let raw = 0;
  let gz = 0;
  for (const key of keys) {
    const bytes = readFileSync(path.join(DIST, manifest[key]!.file));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
};
const shell = weigh(closure([entry]));
const firstPage = weigh(closure([entry, predict]));
const firstAnswer = weigh(closure([entry, predict, chart]));
const allJs = weigh(Object.keys(manifest).filter((k) => manifest[k]!.file.endsWith('.js')));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`vite build: ${buildSeconds.toFixed(1)} s`);
console.log(`shell JS (entry + static imports): ${kb(shell.raw)} raw, ${kb(shell.gz)} gzipped`);
console.log(
  `first page JS (shell + Predict page chunks): ${kb(firstPage.raw)} raw, ${kb(firstPage.gz)} gzipped`,
);
console.log(
  `after the first prediction (+ chart library): ${kb(firstAnswer.raw)} raw, ${kb(firstAnswer.gz)} gzipped`,
);
console.log(`all JS of the app: ${kb(allJs.raw)} raw, ${kb(allJs.gz)} gzipped`);
