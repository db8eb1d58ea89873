import type { TrackingClient } from '@sodai/tracking';
import { aliasedVersion, CHAMPION, loadAliasedModel, type LoadedPurchaseModel } from '../model/registry.ts';

/** How many versions stay loaded: the champion and the challenger it may just have handed over to. */
const KEEP = 2;

/**
 * The champion's booster, loaded from the registry once per version and shared by every task of a
 * run in this process (drift, gate and predict all score with it). A task asks for the version the
 * alias points at now, so a promotion mid-run is seen by the tasks after it.
 */
export class ChampionCache {
  readonly #loaded = new Map<number, LoadedPurchaseModel>();

  async get(
    tracking: TrackingClient,
    log: (line: string) => void = () => {},
  ): Promise<LoadedPurchaseModel | undefined> {
    const current = await aliasedVersion(tracking, CHAMPION);
    if (!current) return undefined;
    const cached = this.#loaded.get(current.version);
    if (cached) return cached;
    const loaded = await loadAliasedModel(tracking, CHAMPION);
    if (!loaded) return undefined;
    log(`champion v${loaded.version.version} loaded from the registry`);
    this.#loaded.set(loaded.version.version, loaded);
    for (const [version, model] of this.#loaded) {
      if (this.#loaded.size <= KEEP) break;
      model.booster.dispose();
      this.#loaded.delete(version);
    }
    return loaded;
  }

  /** Frees every loaded booster. */
  clear(): void {
    for (const model of this.#loaded.values()) model.booster.dispose();
    this.#loaded.clear();
  }
}
