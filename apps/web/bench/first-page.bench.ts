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
// A page's chunk is keyed by its source file, or, when the bundler shares it with a lazy part of the
// same page (the DAG graph, the comparison), by the chunk's own name (`_pipeline-page-<hash>.js`).
const PAGE_KEY = /(?:pages\/[^/]+\/|^_)([a-z]+)-page(?:\.tsx|-[\w-]+\.js)$/;
const pages = Object.keys(manifest).filter((k) => PAGE_KEY.test(k));

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
interface PageWeight {
  readonly page: string;
  /** On opening: the shell and the page's chunk with its static imports. */
  readonly open: { raw: number; wire: number };
  /** Everything the page may load: plus its lazy parts (graph, charts, comparison). */
  readonly full: { raw: number; wire: number };
}
const rows: PageWeight[] = [];
for (const key of pages) {
  rows.push({
    page: PAGE_KEY.exec(key)![1]!,
    open: await weigh(closure([entry, key])),
    full: await weigh(closure([entry, key, ...(manifest[key]!.dynamicImports ?? [])])),
  });
}
await app.close();
rows.sort((a, b) => b.full.wire - a.full.wire);
console.log(`weighed: ${DIST}`);
console.log('page          on open: raw / br        with lazy parts: raw / br');
for (const r of rows) {
  console.log(
    `${r.page.padEnd(12)}  ${kb(r.open.raw).padStart(10)} / ${kb(r.open.wire).padStart(9)}   ${kb(r.full.raw).padStart(10)} / ${kb(r.full.wire).padStart(9)}`,
  );
}
const first = rows.find((r) => r.page === 'predict')!;
const largestOpen = [...rows].sort((a, b) => b.open.wire - a.open.wire)[0]!;
const largest = rows[0]!;
console.log(`first page (predict) on open: ${kb(first.open.wire)} on the wire (${kb(first.open.raw)} raw)`);
console.log(
  `largest page on open (${largestOpen.page}): ${kb(largestOpen.open.wire)} on the wire (${kb(largestOpen.open.raw)} raw)`,
);
console.log(
  `largest page with lazy parts (${largest.page}): ${kb(largest.full.wire)} on the wire (${kb(largest.full.raw)} raw)`,
);
