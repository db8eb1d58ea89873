// What each page of the UI downloads, in bytes on the wire as the server sends them to a browser
// that accepts brotli and gzip (`sodai serve`'s own UI routes, in process), and raw: the entry chunk
// with its static imports, plus the page's chunk with its imports and the chunks it loads as soon as
// it renders (the DAG graph, charts). Prints every page, then the first page (`/`, Predict) and the
// largest. Builds apps/web first; SODAI_BENCH_DIST weighs another build instead (e.g. main's).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { webUiRoutes, type ServeContext } from '@sodai/app';

interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

const WEB = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.SODAI_BENCH_DIST ?? path.join(WEB, 'dist');
if (!process.env.SODAI_BENCH_DIST) {
  const started = performance.now();
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
  console.log(`vite build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

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
const pages = Object.keys(manifest).filter((k) => /pages\/[^/]+\/[^/]+-page\.tsx$/.test(k));

// The UI routes only need the serving snapshot for the catalog, which this bench does not weigh.
const app = Fastify();
app.setValidatorCompiler(validatorCompiler);
app.setSerializerCompiler(serializerCompiler);
await app.register(webUiRoutes, {
  ctx: { holder: { current: () => undefined } } as unknown as ServeContext,
  distDir: DIST,
});
await app.ready();

const sent = new Map<string, { raw: number; wire: number }>();
async function weighFile(file: string): Promise<{ raw: number; wire: number }> {
  const known = sent.get(file);
  if (known) return known;
  const res = await app.inject({ url: `/${file}`, headers: { 'accept-encoding': 'br, gzip' } });
  const weight = { raw: readFileSync(path.join(DIST, file)).length, wire: res.rawPayload.length };
  sent.set(file, weight);
  return weight;
}
async function weigh(keys: Iterable<string>): Promise<{ raw: number; wire: number }> {
  let raw = 0;
  let wire = 0;
  for (const key of keys) {
    const chunk = manifest[key]!;
    for (const file of [chunk.file, ...(chunk.css ?? [])]) {
      const w = await weighFile(file);
      raw += w.raw;
      wire += w.wire;
    }
  }
  return { raw, wire };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const rows: { page: string; raw: number; wire: number }[] = [];
for (const key of pages) {
  // Chunks the page loads while it renders (lazy graph and charts) count towards the page.
  const keys = closure([entry, key, ...(manifest[key]!.dynamicImports ?? [])]);
  rows.push({ page: path.basename(key, '-page.tsx'), ...(await weigh(keys)) });
}
await app.close();
rows.sort((a, b) => b.wire - a.wire);
console.log(`weighed: ${DIST}`);
console.log('page          raw (KiB)   on the wire, br (KiB)');
for (const r of rows) {
  console.log(`${r.page.padEnd(12)}  ${kb(r.raw).padStart(11)}  ${kb(r.wire).padStart(12)}`);
}
const first = rows.find((r) => r.page === 'predict')!;
const largest = rows[0]!;
console.log(`first page (predict): ${kb(first.wire)} on the wire (${kb(first.raw)} raw)`);
console.log(`largest page (${largest.page}): ${kb(largest.wire)} on the wire (${kb(largest.raw)} raw)`);
