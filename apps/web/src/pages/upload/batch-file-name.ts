/** What the landing folder accepts as a file name (the server's UploadParamsSchema says the same). */
const BATCH_FILE = /^[\w.-]+\.(parquet|csv)$/;

/**
 * Whether a chosen file can be uploaded under its own name.
 *
 * @example
 * isBatchFileName('week-2024-06-03.parquet'); // true
 * isBatchFileName('ventas semana.xlsx'); // false
 */
export function isBatchFileName(name: string): boolean {
  return name.length <= 200 && BATCH_FILE.test(name);
}

/**
 * The ingestion of an uploaded file, once the pipeline has checked it: the newest log entry whose
 * file has the uploaded name and that started after the upload.
 *
 * @example
 * findIngestion([{ batchId: 'b', file: '/x/landing/w.csv', startedAt: '2026-01-02T00:00:00Z' }], 'w.csv', Date.parse('2026-01-01'));
 * // { batchId: 'b', … }
 */
export function findIngestion<T extends { file?: string; startedAt: string }>(
  log: readonly T[],
  fileName: string,
  uploadedAtMs: number,
): T | null {
  const matches = log.filter(
    (r) => (r.file ?? '').split(/[\\/]/).pop() === fileName && Date.parse(r.startedAt) >= uploadedAtMs,
  );
  return matches.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0] ?? null;
}
