// One side of the two-process commit race (catalog-race.test.ts): opens the catalog, reads the
// table's current snapshot, says "ready", waits for "go" on stdin, commits, prints the outcome.
import { createInterface } from 'node:readline';
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../../src/store/catalog/postgres-catalog.ts';
import { isStoreError } from '../../src/store/store-error.ts';
import { fileEntry, hashOf } from './catalog-fixtures.ts';

interface RaceArgs {
  readonly sqlite?: string;
  readonly postgres?: { readonly url: string; readonly schema: string };
  readonly name: string;
  readonly dates: [string, string];
  readonly withParent: boolean;
}

const args = JSON.parse(process.argv[2] ?? '{}') as RaceArgs;
const catalog: Catalog = args.sqlite
  ? await openSqliteCatalog(args.sqlite)
  : await openPostgresCatalog(args.postgres!.url, { schema: args.postgres!.schema });
const parent = (await catalog.currentSnapshot('transactions'))?.id ?? null;

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
for await (const line of lines) if (line.trim() === 'go') break;
lines.close();

let outcome: string;
try {
  await catalog.commit({
    operation: 'ingest',
    ingestion: { contentHash: hashOf(`race:${args.name}`), sourceName: args.name },
    tables: [
      {
        table: 'transactions',
        mode: 'append',
        rejectDateOverlap: true,
        add: [fileEntry(`tables/transactions/${args.name}.parquet`, 10, args.dates)],
        ...(args.withParent ? { parent } : {}),
      },
    ],
  });
  outcome = 'won';
} catch (error) {
  outcome = isStoreError(error) ? error.reason : `unexpected: ${String(error)}`;
}
await catalog.close();
process.stdout.write(`${JSON.stringify({ outcome })}\n`);
