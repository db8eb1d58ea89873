/**
 * npm run bench:dataset — time and peak RSS of building the customer × product × week dataset at
 * 1×, 10× and 100× the real data's size (generated: customers scaled, 971 products, 53 weeks), for
 * the last N cut-offs of the training plan (`--cutoffs=4`; the full plan has 16). Generation and
 * loading are set-up, not measured; each build runs in its own process. Each scale is built twice in
 * the same run: over the store (Parquet snapshots behind catalog views) and over the same tables in
 * one DuckDB file (the layout before the shared store), so the store's cost is read off one table
 * whatever else the machine is doing (issue 13's target: within 1.2×). `--s3-scales=1,10` (default)
 * builds those scales a third time with the objects in a local S3-compatible server. `--repeats=N`
 * (default 2) rounds per layout, the fastest kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { startS3TestServer } from '../test/store/s3-test-server.ts';
import { measureChild, REAL_CUSTOMERS } from './child.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const scales = arg('scales', '1,10,100').split(',').map(Number);
const cutoffs = arg('cutoffs', '4');
const repeats = Number(arg('repeats', '2'));
// S3 mode (objects in a local S3-compatible server, catalog on disk) at the smaller scales: s3rver
// keeps every object as files and is far slower than a real object store would be at 100×.
const s3Scales = new Set(arg('s3-scales', '1,10').split(',').filter(Boolean).map(Number));
const s3 = s3Scales.size > 0 ? await startS3TestServer({ bucket: 'sodai-bench' }) : undefined;

const time = (r: Record<string, unknown>) => (r.buildSeconds as number) + (r.readSeconds as number);

const LAYOUT_NAMES = {
  store: 'store (Parquet + catalog)',
  native: 'one DuckDB file (reference)',
  s3: 'store, objects in S3 (s3rver)',
} as const;

const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-dataset-'));
try {
  console.log(
    `| scale | layout | customers | transactions | cut-offs | dataset rows | build s | read into arrays s | peak RSS MB | coverage |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  const ratios: string[] = [];
  for (const scale of scales) {
    const customers = REAL_CUSTOMERS * scale;
    const data = path.join(work, `x${scale}`);
    const generated = await measureChild(['generate', String(customers), '971', '53', data]);
    const storeFile = path.join(work, `x${scale}.duckdb`);
    await measureChild(['ingest', data, storeFile]);
    const s3Dir = path.join(work, `x${scale}-s3`);
    const s3Env = s3 && { ...process.env, ...s3.env, SODAI_OBJECT_STORE: `s3://${s3.bucket}/x${scale}` };
    if (s3Env && s3Scales.has(scale)) await measureChild(['ingest', data, s3Dir], s3Env);
    rmSync(data, { recursive: true, force: true });
    const built: Record<string, Awaited<ReturnType<typeof measureChild>>> = {};
    const layouts =
      s3Env && s3Scales.has(scale) ? (['store', 'native', 's3'] as const) : (['store', 'native'] as const);
    // Layouts take turns, `repeats` rounds, and each keeps its fastest round: a shared machine's load
    // changes between two builds more than the layouts differ.
    const rounds: Record<string, Awaited<ReturnType<typeof measureChild>>[]> = {};
    for (let round = 0; round < repeats; round++)
      for (const layout of layouts)
        (rounds[layout] ??= []).push(
          layout === 's3'
            ? await measureChild(['dataset', s3Dir, cutoffs], s3Env)
            : await measureChild(['dataset', storeFile, cutoffs, layout]),
        );
    for (const layout of layouts) {
      const r = rounds[layout]!.reduce((best, x) => (time(x) < time(best) ? x : best));
      built[layout] = r;
      console.log(
        `| ${scale}× | ${LAYOUT_NAMES[layout]} | ${customers.toLocaleString('en')} | ${(generated.rows as number).toLocaleString('en')} | ${r.cutoffs} | ` +
          `${(r.rows as number).toLocaleString('en')} | ${(r.buildSeconds as number).toFixed(1)} | ${(r.readSeconds as number).toFixed(1)} | ` +
          `${(r.maxRssMb as number).toFixed(0)} | ${((r.coverage as number) * 100).toFixed(1)}% |`,
      );
    }
    const ratio = time(built.store!) / time(built.native!);
    if (built.store!.rows !== built.native!.rows)
      throw new Error(`${scale}×: the two layouts built different row counts`);
    ratios.push(
      `${scale}×: store ÷ reference ${ratio.toFixed(2)}× (build + read; target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'})`,
    );
    if (built.s3)
      ratios.push(`${scale}×: S3 mode ÷ reference ${(time(built.s3) / time(built.native!)).toFixed(2)}×`);
    rmSync(storeFile, { recursive: true, force: true });
    rmSync(s3Dir, { recursive: true, force: true });
  }
  for (const line of ratios) console.log(line);
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end`);
} finally {
  await s3?.stop();
  rmSync(work, { recursive: true, force: true });
}
