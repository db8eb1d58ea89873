import path from 'node:path';
import type { Catalog } from '../../store/catalog/catalog.ts';
import type { BatchLanding, LandingFile } from './batch-landing.ts';

/**
 * Where a landing file stands: its content landed (the file may go: the data stays), validation
 * refused it (every run reads it again until it is replaced or removed), or no run has read it yet.
 */
export type LandingState = 'ingested' | 'refused' | 'waiting';

export interface LandingFileStatus extends LandingFile {
  readonly state: LandingState;
  /** The ingestion whose validation report tells about this content (ingested or refused). */
  readonly batchId: string | undefined;
  /** Why validation refused it. */
  readonly message: string | undefined;
  /** When that ingestion was recorded. */
  readonly checkedAt: Date | undefined;
}

/**
 * Each landing file's state, read from the catalog by content hash: exactly-once is by content, so
 * a file renamed after it landed is still `ingested`, and a corrected file under a refused one's
 * name is `waiting` until a run reads it.
 */
export async function landingStatus(
  files: readonly LandingFile[],
  catalog: Pick<Catalog, 'findIngestion'>,
): Promise<LandingFileStatus[]> {
  const out: LandingFileStatus[] = [];
  for (const file of files) {
    const record = await catalog.findIngestion(file.contentHash);
    out.push({
      ...file,
      state: record === undefined ? 'waiting' : record.status === 'landed' ? 'ingested' : 'refused',
      batchId: record?.reportKey === undefined ? undefined : path.basename(record.reportKey, '.json'),
      message: record?.status === 'rejected' ? record.message : undefined,
      checkedAt: record === undefined ? undefined : new Date(record.createdAt),
    });
  }
  return out;
}

/**
 * Removes a batch file from the landing; undefined when there is none of that name. Says what the
 * file was and how many refused files are left, so the caller can resolve the refused-batch alert
 * when the last one goes.
 */
export async function removeFromLanding(
  landing: BatchLanding,
  catalog: Pick<Catalog, 'findIngestion'>,
  name: string,
): Promise<{ readonly removed: LandingFileStatus; readonly refusedLeft: number } | undefined> {
  const before = await landingStatus(await landing.files(), catalog);
  const removed = before.find((f) => f.name === name);
  if (!removed || !(await landing.remove(name))) return undefined;
  const refusedLeft = before.filter((f) => f.state === 'refused' && f !== removed).length;
  return { removed, refusedLeft };
}
