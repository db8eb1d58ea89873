import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServedStore, type ServedStore, type ServedStoreData } from '../../test/served-store.ts';

export type EvalStore = ServedStore;

/**
 * The evaluation store: the serve tests' store (generated data unless `data` names other files, the
 * next week's candidate features, a small champion) in a temporary folder that `close()` removes,
 * built outside vitest.
 */
export async function evalStore(data?: ServedStoreData): Promise<EvalStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-chat-bench-'));
  const built = await buildServedStore(dir, {}, data);
  return {
    ...built,
    async close() {
      await built.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
