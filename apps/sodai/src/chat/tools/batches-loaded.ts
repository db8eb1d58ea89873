import path from 'node:path';
import type { ChatPeriod, Lang } from '../../contract/api.ts';
import type { IngestionRecord } from '../../store/raw-store.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, formatInstant, formatNumber, say } from '../format.ts';
import { eventPeriod } from '../understanding/event-period.ts';
import { asksRejectedBatch } from '../understanding/rejected-batch-words.ts';
import { table } from './answers.ts';
import type { Tool } from './toolbox.ts';

/** How many log entries are read: years of weekly files. */
const LOG_ENTRIES = 300;

/** Rows of the table: the newest batches of the time asked. */
const TABLE_ROWS = 20;

/** "del 1 nov 2026 al 30 nov 2026" / "Nov 1, 2026 to Nov 30, 2026", or the one day. */
function span(p: ChatPeriod, lang: Lang): string {
  if (p.from === p.to) return say(lang, `el ${formatDay(p.from, lang)}`, `on ${formatDay(p.from, lang)}`);
  return say(
    lang,
    `del ${formatDay(p.from, lang)} al ${formatDay(p.to, lang)}`,
    `from ${formatDay(p.from, lang)} to ${formatDay(p.to, lang)}`,
  );
}

/** Whether a batch finished loading within the period (its days, in UTC). */
const loadedWithin = (b: IngestionRecord, p: ChatPeriod | undefined) =>
  !p || (b.finishedAt.slice(0, 10) >= p.from && b.finishedAt.slice(0, 10) <= p.to);

/**
 * The weekly files of transactions that arrived in a time ("¿cuántos lotes se cargaron este
 * mes?", "batches loaded since Nov 1"), counted from the ingestion log by when they were loaded
 * (today's calendar, not the data's days): how many landed and how many were refused, each with
 * its file, when it came and the days its rows cover.
 */
export const batchesLoadedTool: Tool = async (box, req) => {
  const { lang } = req;
  const today = box.now().toISOString().slice(0, 10);
  const period = req.batchesLoaded ? eventPeriod(req.batchesLoaded.text, today, lang) : undefined;
  const log = box.ingestions ? await box.ingestions(LOG_ENTRIES) : [];
  const batches = log.filter((b) => b.table === 'transactions' && loadedWithin(b, period));
  const landed = batches.filter((b) => b.outcome === 'ingested');
  const refused = batches.length - landed.length;
  // "Desde el 1 nov 2026" says its days; "este mes" is followed by them.
  const when = !period
    ? say(lang, 'en total', 'in all')
    : period.to === today && /^(?:desde|since)\b/.test(period.label)
      ? period.label
      : `${period.label} (${span(period, lang)})`;
  const refusedText =
    refused > 0
      ? say(
          lang,
          ` y ${agree(refused, ['se rechazó', 'se rechazaron'])} ${formatNumber(refused, lang)}`,
          ` and ${formatNumber(refused, lang)} ${agree(refused, ['was', 'were'])} refused`,
        )
      : '';
  const rows = landed.reduce((sum, b) => sum + b.rowsAccepted, 0);
  // "¿Cuántos lotes se rechazaron este mes?": the refused ones are the count asked for.
  const refusedFirst = asksRejectedBatch(req.batchesLoaded?.text ?? '');
  const text =
    batches.length === 0
      ? say(
          lang,
          `No llegó ningún lote de transacciones ${when}.`,
          `No batch of transactions arrived ${when}.`,
        )
      : refusedFirst
        ? say(
            lang,
            `${capitalize(when)} ${agree(refused, ['se rechazó', 'se rechazaron'])} ${countOf(refused, lang, NOUN.batch)} de transacciones y ${agree(landed.length, ['se cargó', 'se cargaron'])} ${formatNumber(landed.length, lang)}.`,
            `${capitalize(when)}, ${countOf(refused, lang, NOUN.batch)} of transactions ${agree(refused, ['was', 'were'])} refused and ${formatNumber(landed.length, lang)} ${agree(landed.length, ['was', 'were'])} loaded.`,
          )
        : say(
            lang,
            `${capitalize(when)} ${agree(landed.length, ['se cargó', 'se cargaron'])} ${countOf(landed.length, lang, NOUN.batch)} de transacciones (${countOf(rows, lang, NOUN.row)} ${agree(rows, ['aceptada', 'aceptadas'])})${refusedText}.`,
            `${capitalize(when)}, ${countOf(landed.length, lang, NOUN.batch)} of transactions ${agree(landed.length, ['was', 'were'])} loaded (${countOf(rows, lang, NOUN.row)} accepted)${refusedText}.`,
          );
  return {
    text,
    answered: true,
    basedOn: [say(lang, 'registro de ingestas', 'ingestion log')],
    table: table(
      [
        [say(lang, 'Archivo', 'File'), false],
        [say(lang, 'Resultado', 'Outcome'), false],
        [say(lang, 'Llegó', 'Arrived'), false],
        [say(lang, 'Filas aceptadas', 'Rows accepted'), true],
        [say(lang, 'Días que cubre', 'Days it covers'), false],
      ],
      batches
        .slice(0, TABLE_ROWS)
        .map((b) => [
          path.basename(b.file),
          b.outcome === 'ingested' ? say(lang, 'cargado', 'loaded') : say(lang, 'rechazado', 'refused'),
          formatInstant(new Date(b.finishedAt), lang),
          formatNumber(b.rowsAccepted, lang),
          b.dateMin && b.dateMax ? `${b.dateMin} – ${b.dateMax}` : '—',
        ]),
    ),
    data: {
      ...(period ? { from: period.from, to: period.to } : {}),
      loaded: landed.length,
      refused,
      batch_ids: batches.map((b) => b.batchId),
    },
  };
};
