import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildServedStore, type ServedStore } from '../../test/served-store.ts';

export type EvalStore = ServedStore;

/**
 * The evaluation store: the serve tests' store (generated data, the next week's candidate features, a
 * small champion) in a temporary folder that `close()` removes, built outside vitest.
 */
export async function evalStore(): Promise<EvalStore> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sodai-chat-bench-'));
  const built = await buildServedStore(dir);
  return {
    ...built,
    async close() {
      await built.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
