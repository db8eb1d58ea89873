import type { SharedStore } from './shared-store.ts';

/**
 * One shared store per process, handed out to every job that runs at once and closed when the last
 * lets go. A process must not open two catalog connections: on SQLite a commit waits for the write
 * lock synchronously, so two connections of one process can block each other's event loop.
 *
 * @example
 * const pool = new SharedStorePool(() => openSharedStore(config));
 * const { shared, release } = await pool.acquire();
 * try { ... } finally { await release(); }
 */
export class SharedStorePool {
  #current: Promise<SharedStore> | undefined;
  #users = 0;

  constructor(private readonly open: () => Promise<SharedStore>) {}

  async acquire(): Promise<{ shared: SharedStore; release: () => Promise<void> }> {
    this.#users++;
    const opening = (this.#current ??= this.open());
    let shared: SharedStore;
    try {
      shared = await opening;
    } catch (error) {
      this.#users--;
      if (this.#current === opening) this.#current = undefined;
      throw error;
    }
    let released = false;
    return {
      shared,
      release: async () => {
        if (released) return;
        released = true;
        if (--this.#users > 0) return;
        this.#current = undefined;
        await shared.close();
      },
    };
  }
}
