/**
 * npm run bench:dataset — time and peak RSS of building the customer × product × week dataset at
 * 1×, 10× and 100× the real data's size (generated: customers scaled, 971 products, 53 weeks), for
 * the last N cut-offs of the training plan (`--cutoffs=4`; the full plan has 16). Generation and
 * loading are set-up, not measured; each build runs in its own process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measureChild, REAL_CUSTOMERS } from './child.ts';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const scales = arg('scales', '1,10,100').split(',').map(Number);
const cutoffs = arg('cutoffs', '4');

const work = mkdtempSync(path.join(tmpdir(), 'sodai-bench-dataset-'));
try {
  console.log(
    `| scale | customers | transactions | cut-offs | dataset rows | build s | read into arrays s | peak RSS MB | coverage |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const scale of scales) {
    const customers = REAL_CUSTOMERS * scale;
    const data = path.join(work, `x${scale}`);
    const generated = await measureChild(['generate', String(customers), '971', '53', data]);
    const storeFile = path.join(work, `x${scale}.duckdb`);
    await measureChild(['ingest', data, storeFile]);
    rmSync(data, { recursive: true, force: true });
    const r = await measureChild(['dataset', storeFile, cutoffs]);
    console.log(
      `| ${scale}× | ${customers.toLocaleString('en')} | ${(generated.rows as number).toLocaleString('en')} | ${r.cutoffs} | ` +
        `${(r.rows as number).toLocaleString('en')} | ${(r.buildSeconds as number).toFixed(1)} | ${(r.readSeconds as number).toFixed(1)} | ` +
        `${(r.maxRssMb as number).toFixed(0)} | ${((r.coverage as number) * 100).toFixed(1)}% |`,
    );
    rmSync(storeFile, { recursive: true, force: true });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
