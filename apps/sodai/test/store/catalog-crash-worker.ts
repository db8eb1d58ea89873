// Commits one small file after another until it is killed (catalog-crash.test.ts): each step puts a
// file in the object store, then commits it; the test SIGKILLs it at some moment and checks that
// the catalog holds a whole snapshot and only the last file can be an orphan.
import type { Catalog } from '../../src/store/catalog/catalog.ts';
import { openSqliteCatalog } from '../../src/store/catalog/open-catalog.ts';
import { openPostgresCatalog } from '../../src/store/catalog/postgres-catalog.ts';
import { LocalObjectStore } from '../../src/store/object-store/local-object-store.ts';

interface CrashArgs {
  readonly sqlite?: string;
  readonly postgres?: { readonly url: string; readonly schema: string };
  readonly objects: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as CrashArgs;
const catalog: Catalog = args.sqlite
  ? await openSqliteCatalog(args.sqlite)
  : await openPostgresCatalog(args.postgres!.url, { schema: args.postgres!.schema });
const store = new LocalObjectStore(args.objects);
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const put = await store.put(`tables/steps/${String(i).padStart(6, '0')}.bin`, `step ${i} `.repeat(200));
  await catalog.commit({
    operation: 'step',
    tables: [
      {
        table: 'steps',
        mode: 'append',
        add: [{ key: put.key, contentHash: put.contentHash, rows: 1, bytes: put.bytes }],
      },
    ],
  });
  process.stdout.write(`committed ${i}\n`);
}
