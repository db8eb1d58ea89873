/**
 * npm run bench:dataset — time and peak RSS of building the customer × product × week dataset at
 * 1×, 10× and 100× the real data's size (generated: customers scaled, 971 products, 53 weeks), for
 * the last N cut-offs of the training plan (`--cutoffs=4`; the full plan has 16). Generation and
 * loading are set-up, not measured; each build runs in its own process. Each scale is built twice in
 * the same run: over the store (Parquet snapshots behind catalog views) and over the same tables in
 * one DuckDB file (the layout before the shared store), so the store's cost is read off one table
 * whatever else the machine is doing (issue 13's target: within 1.2×).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { measureChild, REAL_CUSTOMERS } from './child.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const scales = arg('scales', '1,10,100').split(',').map(Number);
const cutoffs = arg('cutoffs', '4');

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
    rmSync(data, { recursive: true, force: true });
    const built: Record<string, Awaited<ReturnType<typeof measureChild>>> = {};
    for (const layout of ['store', 'native'] as const) {
      const r = await measureChild(['dataset', storeFile, cutoffs, layout]);
      built[layout] = r;
      console.log(
        `| ${scale}× | ${layout === 'store' ? 'store (Parquet + catalog)' : 'one DuckDB file (reference)'} | ${customers.toLocaleString('en')} | ${(generated.rows as number).toLocaleString('en')} | ${r.cutoffs} | ` +
          `${(r.rows as number).toLocaleString('en')} | ${(r.buildSeconds as number).toFixed(1)} | ${(r.readSeconds as number).toFixed(1)} | ` +
          `${(r.maxRssMb as number).toFixed(0)} | ${((r.coverage as number) * 100).toFixed(1)}% |`,
      );
    }
    const time = (r: (typeof built)[string]) => (r.buildSeconds as number) + (r.readSeconds as number);
    const ratio = time(built.store!) / time(built.native!);
    if (built.store!.rows !== built.native!.rows)
      throw new Error(`${scale}×: the two layouts built different row counts`);
    ratios.push(
      `${scale}×: store ÷ reference ${ratio.toFixed(2)}× (build + read; target ≤ 1.2×: ${ratio <= 1.2 ? 'met' : 'NOT met'})`,
    );
    rmSync(storeFile, { recursive: true, force: true });
  }
  for (const line of ratios) console.log(line);
  console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores at the end`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
