/**
 * A batch that did not land: "rechazado", "falló", "rebotó", "rejected", "refused", "bounced",
 * "failed", "con error". The ingest and its alert say "refused", so users say it too.
 */
const REJECTED =
  /\b(?:rechaz\w*|fall[oi]\w*|fallid[oa]s?|rebot\w*|rejected|rejection|reject|refus\w*|bounced?|fail\w*|errors?|errores)\b/;

/** Rows set aside from a batch that landed ("filas rechazadas", "rejected rows") are its quarantine. */
const ROWS = /\b(?:filas?|rows?|registros?|lineas?|lines?)\b/;

/**
 * Whether a question about the data batches asks about one that was rejected ("¿por qué se rechazó
 * el último lote?", "did the last batch fail?"), not about the last one that landed nor about the
 * rows a landed batch quarantined.
 *
 * @example
 * asksRejectedBatch('which batch was rejected'); // true
 * asksRejectedBatch('cuando llego el ultimo lote'); // false
 * asksRejectedBatch('cuantas filas se rechazaron en el ultimo lote'); // false
 */
export function asksRejectedBatch(text: string): boolean {
  return REJECTED.test(text) && !ROWS.test(text);
}
