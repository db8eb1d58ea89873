import { agree, countOf, NOUN } from '../count-words.ts';
import path from 'node:path';
import { nextFireTime } from '@sodai/pipeline';
import { formatInstant, formatNumber, say } from '../format.ts';
import { noPipelineAccess, notAnswered, table } from './answers.ts';
import { batchToTell, laterAttemptData, laterAttemptSentence } from './batch-to-tell.ts';
import { refusedBatchAnswer } from './refused-batch.ts';
import { runDurationWords } from './run-duration.ts';
import { tasksThatRanWords } from './tasks-that-ran.ts';
import type { Tool } from './toolbox.ts';

const STATE_WORDS: Record<string, { es: string; en: string }> = {
  success: { es: 'terminó bien', en: 'succeeded' },
  failed: { es: 'falló', en: 'failed' },
  running: { es: 'está en curso', en: 'is running' },
  queued: { es: 'está en cola', en: 'is queued' },
  skipped: { es: 'se saltó', en: 'was skipped' },
  upstream_failed: { es: 'no corrió por un fallo anterior', en: 'did not run after an upstream failure' },
  pending: { es: 'está pendiente', en: 'is pending' },
};
const stateWords = (state: string, lang: 'es' | 'en') => STATE_WORDS[state]?.[lang] ?? state;

/** The last pipeline run, its state and its failed tasks. */
export const pipelineLastRunTool: Tool = async (box, req) => {
  const { lang } = req;
  if (!box.pipeline) return noPipelineAccess(lang);
  const [run] = await box.pipeline.store.listRuns({ limit: 1 });
  if (!run)
    return {
      text: say(lang, 'El pipeline todavía no ha corrido nunca.', 'The pipeline has never run yet.'),
      answered: true,
      basedOn: [say(lang, 'registro de corridas', 'run store')],
      data: { runs: 0 },
    };
  const tasks = await box.pipeline.store.taskInstances(run.id);
  const failed = tasks.filter((t) => t.state === 'failed' || t.state === 'upstream_failed');
  const when = formatInstant(run.startedAt ?? run.createdAt, lang);
  const failedText = failed.length
    ? say(
        lang,
        ` Tareas con fallo: ${failed.map((t) => `${t.taskId} (${t.error ?? stateWords(t.state, lang)})`).join('; ')}.`,
        ` Failed tasks: ${failed.map((t) => `${t.taskId} (${t.error ?? stateWords(t.state, lang)})`).join('; ')}.`,
      )
    : say(lang, ' Ninguna tarea falló.', ' No task failed.');
  const ranText = await tasksThatRanWords(box.pipeline.store, run.id, tasks, lang);
  return {
    text: say(
      lang,
      `La última corrida del pipeline ${run.dagId} (${run.id}) empezó el ${when} y ${stateWords(run.state, lang)}${runDurationWords(run, lang)}.${ranText}${failedText}`,
      `The last run of pipeline ${run.dagId} (${run.id}) started on ${when} and ${stateWords(run.state, lang)}${runDurationWords(run, lang)}.${ranText}${failedText}`,
    ),
    answered: true,
    basedOn: [say(lang, 'registro de corridas del pipeline', 'pipeline run store')],
    table: table(
      [
        [say(lang, 'Tarea', 'Task'), false],
        [say(lang, 'Estado', 'State'), false],
        [say(lang, 'Intentos', 'Attempts'), true],
      ],
      tasks.map((t) => [t.taskId, stateWords(t.state, lang), formatNumber(t.attempt, lang)]),
    ),
    data: {
      run_id: run.id,
      state: run.state,
      failed_tasks: failed.map((t) => t.taskId),
      ran_tasks: tasks.filter((t) => t.state === 'success').map((t) => t.taskId),
      skipped_tasks: tasks.filter((t) => t.state === 'skipped').map((t) => t.taskId),
    },
  };
};

/** When the next scheduled run is. */
export const pipelineNextRunTool: Tool = async (box, req) => {
  const { lang } = req;
  if (!box.pipeline)
    return notAnswered(
      say(
        lang,
        'Este servidor no tiene acceso al calendario del pipeline.',
        'This server has no access to the pipeline schedule.',
      ),
      [],
    );
  const now = box.now();
  const scheduled = box.pipeline.dags
    .filter((d) => d.schedule)
    .map((d) => ({ dag: d, at: nextFireTime(d, now) }))
    .filter((x) => x.at !== null);
  if (scheduled.length === 0)
    return {
      text: say(lang, 'Ningún pipeline tiene corridas programadas.', 'No pipeline has scheduled runs.'),
      answered: true,
      basedOn: [],
      data: {},
    };
  const next = scheduled.sort((a, b) => a.at!.getTime() - b.at!.getTime())[0]!;
  return {
    text: say(
      lang,
      `La próxima corrida programada es la de ${next.dag.id}, el ${formatInstant(next.at!, lang)} (UTC; calendario ${next.dag.schedule}).`,
      `The next scheduled run is ${next.dag.id}, on ${formatInstant(next.at!, lang)} (UTC; schedule ${next.dag.schedule}).`,
    ),
    answered: true,
    basedOn: [say(lang, 'calendario de los DAG', 'DAG schedules')],
    data: { dag: next.dag.id, next_run_at: next.at!.toISOString() },
  };
};

/**
 * The last batch that landed and its quarantined rows; a later rejected attempt is said after it
 * (a rejection must not hide the last good data). A question about a rejected batch gets the last
 * rejection, with a batch that landed after it said too.
 */
export const lastBatchTool: Tool = async (box, req) => {
  const { lang } = req;
  const told = await batchToTell(box, req.rejectedBatch ? 'rejected' : 'ingested');
  if (!told)
    return {
      text: say(lang, 'Todavía no se ha cargado ningún lote.', 'No batch has been loaded yet.'),
      answered: true,
      basedOn: [say(lang, 'registro de ingestas', 'ingestion log')],
      data: { batches: 0 },
    };
  const { batch: b, later } = told;
  if (b.outcome === 'rejected') return refusedBatchAnswer(b, later, lang, req.refusalFocus);
  // Asked about a rejection when none is in the log: say so before the batch that landed.
  const noneRefused = req.rejectedBatch
    ? say(lang, 'Ningún lote reciente fue rechazado. ', 'No recent batch was refused. ')
    : '';
  const reasons = await box.data.query(
    `SELECT reasons, count(*)::DOUBLE AS n FROM quarantine WHERE batch_id = $1 GROUP BY 1 ORDER BY n DESC, reasons LIMIT 10`,
    [b.batchId],
  );
  const when = formatInstant(new Date(b.finishedAt), lang);
  const quarantined = b.rowsQuarantined;
  const outcome =
    b.outcome === 'ingested'
      ? say(lang, 'se cargó', 'was loaded')
      : say(lang, 'fue rechazado', 'was rejected');
  const text =
    noneRefused +
    say(
      lang,
      `El último lote (${b.batchId}, archivo ${path.basename(b.file)}) ${outcome} el ${when}: ${countOf(b.rowsRead, lang, NOUN.row)} ${agree(b.rowsRead, ['leída', 'leídas'])}, ${formatNumber(b.rowsAccepted, lang)} ${agree(b.rowsAccepted, ['aceptada', 'aceptadas'])} y ${formatNumber(quarantined, lang)} en cuarentena${reasons.length ? ` (${reasons.map((r) => `${r.reasons}: ${formatNumber(Number(r.n), lang)}`).join(', ')})` : ''}.${b.dateMin ? ` Cubre del ${b.dateMin} al ${b.dateMax}.` : ''}`,
      `The last batch (${b.batchId}, file ${path.basename(b.file)}) ${outcome} on ${when}: ${countOf(b.rowsRead, lang, NOUN.row)} read, ${formatNumber(b.rowsAccepted, lang)} accepted and ${formatNumber(quarantined, lang)} quarantined${reasons.length ? ` (${reasons.map((r) => `${r.reasons}: ${formatNumber(Number(r.n), lang)}`).join(', ')})` : ''}.${b.dateMin ? ` It covers ${b.dateMin} to ${b.dateMax}.` : ''}`,
    ) +
    (later ? ` ${laterAttemptSentence(later, lang)}` : '');
  return {
    text,
    answered: true,
    basedOn: [say(lang, 'registro de ingestas y cuarentena', 'ingestion log and quarantine')],
    ...(reasons.length
      ? {
          table: table(
            [
              [say(lang, 'Motivo', 'Reason'), false],
              [say(lang, 'Filas', 'Rows'), true],
            ],
            reasons.map((r) => [String(r.reasons), formatNumber(Number(r.n), lang)]),
          ),
        }
      : {}),
    data: {
      batch_id: b.batchId,
      rows_read: b.rowsRead,
      rows_accepted: b.rowsAccepted,
      rows_quarantined: quarantined,
      outcome: b.outcome,
      ...(later ? { later: laterAttemptData(later) } : {}),
    },
  };
};
