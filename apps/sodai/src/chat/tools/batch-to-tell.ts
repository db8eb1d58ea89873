import path from 'node:path';
import type { Lang } from '../../contract/api.ts';
import type { IngestionOutcome, IngestionRecord } from '../../store/raw-store.ts';
import { formatInstant, say } from '../format.ts';
import type { ChatToolbox } from './toolbox.ts';

/** How many log entries are read to find the last batch that landed behind later rejections. */
const RECENT_BATCHES = 50;

/** The batch an answer is about, and the latest attempt after it that ended the other way. */
export interface BatchToTell {
  readonly batch: IngestionRecord;
  readonly later?: IngestionRecord;
}

/**
 * The last batch with the outcome asked for ('ingested' unless the question is about a rejection),
 * else the latest attempt; and the latest later attempt with the other outcome, so a rejected file
 * does not hide the last data that landed (nor data landed after a rejection hide it).
 *
 * @example
 * await batchToTell(box, 'ingested'); // { batch: <last landed>, later: <rejected after it> }
 */
export async function batchToTell(
  box: ChatToolbox,
  wanted: IngestionOutcome,
): Promise<BatchToTell | undefined> {
  const recent = box.ingestions ? await box.ingestions(RECENT_BATCHES) : [];
  const batch = recent.find((r) => r.outcome === wanted) ?? recent[0];
  if (!batch) return undefined;
  // The log is newest first: what comes before `batch` in it arrived after it.
  const later = recent.slice(0, recent.indexOf(batch)).find((r) => r.outcome !== batch.outcome);
  return later ? { batch, later } : { batch };
}

/** The attempt after the batch answered about: a rejected file after good data, or data landed after a rejection. */
export function laterAttemptSentence(later: IngestionRecord, lang: Lang): string {
  const file = path.basename(later.file);
  const when = formatInstant(new Date(later.finishedAt), lang);
  return later.outcome === 'rejected'
    ? say(
        lang,
        `Después se intentó cargar el archivo ${file} (${later.batchId}), rechazado el ${when}.`,
        `After it, file ${file} (${later.batchId}) was rejected on ${when}.`,
      )
    : say(
        lang,
        `Después se cargó el lote ${later.batchId} (archivo ${file}) el ${when}.`,
        `After it, batch ${later.batchId} (file ${file}) was loaded on ${when}.`,
      );
}

/** The later attempt as answers' data carry it. */
export function laterAttemptData(later: IngestionRecord) {
  return {
    batch_id: later.batchId,
    file: path.basename(later.file),
    outcome: later.outcome,
    at: later.finishedAt,
  };
}
