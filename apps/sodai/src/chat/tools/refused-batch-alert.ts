import path from 'node:path';
import type { Lang } from '../../contract/api.ts';
import type { ChatAlert } from '../alert-source.ts';
import { say } from '../format.ts';
import { refusalReasons, refusalRemedy } from './refusal-reasons.ts';

/** A file name in the summary, for an alert stored before its details named the files. */
const FILE_IN_SUMMARY = /[^\s:;"']+\.(?:csv|parquet|json|tsv|xlsx?)\b/g;

/** The refused files' names, without the landing folder's path (noise on a phone). */
function refusedFiles(a: ChatAlert): readonly string[] {
  const files = a.details?.['files'];
  const named = Array.isArray(files)
    ? files.filter((f): f is string => typeof f === 'string')
    : [...a.summary.matchAll(FILE_IN_SUMMARY)].map((m) => m[0]);
  return [...new Set(named.map((f) => path.basename(f)))];
}

/**
 * What a `batch_rejected` alert says, in the question's language: the summary is the ingest's
 * English log line, with full paths and each column's whole description, which read badly quoted
 * into a Spanish answer. Said instead: which files, why (the same reasons as "¿por qué se rechazó
 * el lote?") and what to do.
 *
 * @example
 * refusedBatchAlertWords(alert, 'es'); // 'el archivo week-2024-12-30.csv no se cargó: faltan las columnas … Suba el archivo corregido …'
 */
export function refusedBatchAlertWords(a: ChatAlert, lang: Lang): string {
  const files = refusedFiles(a);
  // The summary ends with the runbook's advice, said here in the question's language instead.
  const reasons = refusalReasons(a.summary.split(/\.\s+Upload the corrected/)[0]!, lang);
  const which =
    files.length === 1
      ? say(lang, `el archivo ${files[0]} no se cargó`, `file ${files[0]} was not loaded`)
      : say(
          lang,
          `los archivos ${files.join(', ')} no se cargaron`,
          `files ${files.join(', ')} were not loaded`,
        );
  const why = reasons.length ? `: ${reasons.join('; ')}` : '';
  return `${which}${why}. ${refusalRemedy(lang)}`;
}
