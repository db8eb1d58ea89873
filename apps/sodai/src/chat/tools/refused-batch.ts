import path from 'node:path';
import type { Lang } from '../../contract/api.ts';
import type { IngestionRecord } from '../../store/raw-store.ts';
import { formatInstant, say } from '../format.ts';
import { table } from './answers.ts';
import { laterAttemptData, laterAttemptSentence } from './batch-to-tell.ts';
import type { RefusalFocus } from '../understanding/refusal-follow-up.ts';
import { refusalReasons, refusalRemedy, refusalRemedyFor } from './refusal-reasons.ts';
import type { ToolAnswer } from './toolbox.ts';

/**
 * A refused file as "¿por qué se rechazó el lote?" wants it: which file, when, why (the
 * validation's reasons) and what to do. Its rows read, accepted and quarantined are all zero, as
 * nothing of a refused file is stored, so they answered nothing and are not said; a batch that
 * landed after it is.
 */
export function refusedBatchAnswer(
  b: IngestionRecord,
  later: IngestionRecord | undefined,
  lang: Lang,
  focus: RefusalFocus = 'refusal',
): ToolAnswer {
  const file = path.basename(b.file);
  const when = formatInstant(new Date(b.finishedAt), lang);
  const reasons = b.message ? refusalReasons(b.message, lang) : [];
  const why = reasons.length
    ? `: ${reasons.join('; ')}`
    : say(lang, ' (el registro no guarda el motivo)', ' (the log keeps no reason)');
  const text = [
    // "¿Y qué hago?" after the refusal: the steps for this one first; "which rows?": none was kept.
    ...(focus === 'remedy'
      ? [
          refusalRemedyFor(b.message, lang),
          say(
            lang,
            `(Archivo ${file}, rechazado el ${when}${why}.)`,
            `(File ${file}, refused on ${when}${why}.)`,
          ),
        ]
      : focus === 'rows'
        ? [
            say(
              lang,
              `Ninguna fila en particular: el archivo ${file} se rechazó entero el ${when}${why}, así que no se guardó ninguna de sus filas ni quedó ninguna en cuarentena.`,
              `No rows in particular: file ${file} was refused as a whole on ${when}${why}, so none of its rows was stored and none was quarantined.`,
            ),
            refusalRemedyFor(b.message, lang),
          ]
        : [refusedSentence(file, b.batchId, when, why, lang), refusalRemedy(lang)]),
    ...(later ? [laterAttemptSentence(later, lang)] : []),
  ].join(' ');
  return {
    text,
    answered: true,
    basedOn: [say(lang, 'registro de ingestas', 'ingestion log')],
    ...(reasons.length
      ? {
          table: table(
            [[say(lang, 'Motivo del rechazo', 'Why it was refused'), false]],
            reasons.map((r) => [r]),
          ),
        }
      : {}),
    data: {
      batch_id: b.batchId,
      file,
      rows_read: b.rowsRead,
      rows_accepted: b.rowsAccepted,
      rows_quarantined: b.rowsQuarantined,
      outcome: b.outcome,
      reasons,
      focus,
      ...(later ? { later: laterAttemptData(later) } : {}),
    },
  };
}

/** Which file was refused, when and why. */
function refusedSentence(file: string, batchId: string, when: string, why: string, lang: Lang): string {
  return say(
    lang,
    `El último lote rechazado es el archivo ${file} (${batchId}), rechazado por la validación el ${when}${why}. No se guardó ninguna fila de él.`,
    `The last refused batch is file ${file} (${batchId}), refused by validation on ${when}${why}. None of its rows was stored.`,
  );
}
