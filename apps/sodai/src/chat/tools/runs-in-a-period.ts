import type { RunRecord, RunStore } from '@sodai/pipeline';
import type { ChatPeriod, Lang } from '../../contract/api.ts';
import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatDay, formatInstant, formatNumber, say } from '../format.ts';
import { eventPeriod } from '../understanding/event-period.ts';
import { noPipelineAccess, table } from './answers.ts';
import type { Tool } from './toolbox.ts';

/** How many runs are read: years of weekly runs, and the maintenance ones. */
const RECENT_RUNS = 300;

/** Failed runs named in the text; the table lists every run of the time, newest first, up to a page. */
const NAMED_FAILURES = 3;
const TABLE_ROWS = 20;

/** Failing states: the run failed, or a task did and the run could not go on. */
const FAILED = new Set(['failed', 'upstream_failed']);

const STATE = {
  success: { es: 'terminó bien', en: 'succeeded' },
  failed: { es: 'falló', en: 'failed' },
  running: { es: 'en curso', en: 'running' },
  queued: { es: 'en cola', en: 'queued' },
} as const;
const stateWords = (state: string, lang: Lang) =>
  (STATE as Readonly<Record<string, { es: string; en: string }>>)[state]?.[lang] ?? state;

/** "del 1 nov 2026 al 30 nov 2026", or the day. */
function span(p: ChatPeriod, lang: Lang): string {
  if (p.from === p.to) return say(lang, `el ${formatDay(p.from, lang)}`, `on ${formatDay(p.from, lang)}`);
  return say(
    lang,
    `del ${formatDay(p.from, lang)} al ${formatDay(p.to, lang)}`,
    `from ${formatDay(p.from, lang)} to ${formatDay(p.to, lang)}`,
  );
}

/**
 * When the runs counted ran: the time asked for with its days ("este mes (del 1 nov 2026 al 30 nov
 * 2026)"), or, with none asked, "entre las últimas 30" of the `read` runs.
 */
export function runsWhen(period: ChatPeriod | undefined, read: number, lang: Lang): string {
  // One run read is "the last one", not "the last 1".
  if (!period && read === 1) return say(lang, 'en la última', 'in the last one');
  if (!period)
    return say(
      lang,
      `entre las últimas ${formatNumber(read, lang)}`,
      `among the last ${formatNumber(read, lang)}`,
    );
  return /^(?:desde|since)\b/.test(period.label) ? period.label : `${period.label} (${span(period, lang)})`;
}

/** When a run started (a queued one: when it was created). */
export const startOf = (r: RunRecord) => r.startedAt ?? r.createdAt;

/**
 * The newest runs read (`read` of them) and those among them that started in `period`, on today's
 * calendar (all of them when no period is asked).
 */
export async function runsStartedIn(
  store: RunStore,
  period: ChatPeriod | undefined,
  options: { readonly dagId?: string; readonly limit: number },
): Promise<{ readonly read: number; readonly runs: RunRecord[] }> {
  const all = await store.listRuns({
    ...(options.dagId ? { dagId: options.dagId } : {}),
    limit: options.limit,
  });
  const runs = all.filter((r) => {
    const day = startOf(r).toISOString().slice(0, 10);
    return !period || (day >= period.from && day <= period.to);
  });
  return { read: all.length, runs };
}

/**
 * The pipeline runs of a time ("¿cuántas corridas fallaron este mes?", "how many runs failed?",
 * "¿qué corrida falló?"), by when they started on today's calendar: how many, how many failed and
 * which, with the failed tasks' errors; every recent run when no time is named.
 */
export const runsInAPeriodTool: Tool = async (box, req) => {
  const { lang } = req;
  if (!box.pipeline) return noPipelineAccess(lang);
  const today = box.now().toISOString().slice(0, 10);
  const asked = req.runsAsked;
  const period = asked ? eventPeriod(asked.text, today, lang) : undefined;
  const { read, runs } = await runsStartedIn(box.pipeline.store, period, { limit: RECENT_RUNS });
  const failed = runs.filter((r) => FAILED.has(r.state));
  const when = runsWhen(period, read, lang);
  const failures = await Promise.all(
    failed.slice(0, NAMED_FAILURES).map(async (r) => {
      const tasks = await box.pipeline!.store.taskInstances(r.id);
      const broken = tasks.filter((t) => t.state === 'failed');
      const why =
        broken.map((t) => `${t.taskId}${t.error ? `: ${t.error}` : ''}`).join('; ') || r.error || '';
      return `${r.dagId} ${r.id} (${formatInstant(startOf(r), lang)}${why ? `, ${why}` : ''})`;
    }),
  );
  const named = failures.length
    ? say(lang, ` Fallidas: ${failures.join('; ')}.`, ` Failed: ${failures.join('; ')}.`)
    : '';
  const text =
    runs.length === 0
      ? say(lang, `No hubo corridas del pipeline ${when}.`, `There were no pipeline runs ${when}.`)
      : asked?.failed
        ? failedWords(failed.length, runs.length, period ? capitalize(when) : undefined, lang) + named
        : say(
            lang,
            `${capitalize(when)} hubo ${countOf(runs.length, lang, NOUN.run)} del pipeline: ${formatNumber(runs.length - failed.length, lang)} sin fallos y ${formatNumber(failed.length, lang)} ${agree(failed.length, ['fallida', 'fallidas'])}.${named}`,
            `${capitalize(when)}, there ${agree(runs.length, ['was', 'were'])} ${countOf(runs.length, lang, NOUN.run)} of the pipeline: ${formatNumber(runs.length - failed.length, lang)} without failure and ${formatNumber(failed.length, lang)} failed.${named}`,
          );
  const listed = (asked?.failed ? failed : runs).slice(0, TABLE_ROWS);
  return {
    text,
    answered: true,
    basedOn: [say(lang, 'registro de corridas del pipeline', 'pipeline run store')],
    table: table(
      [
        [say(lang, 'Corrida', 'Run'), false],
        ['DAG', false],
        [say(lang, 'Empezó', 'Started'), false],
        [say(lang, 'Estado', 'State'), false],
      ],
      listed.map((r) => [r.id, r.dagId, formatInstant(startOf(r), lang), stateWords(r.state, lang)]),
    ),
    data: {
      ...(period ? { from: period.from, to: period.to } : {}),
      runs: runs.length,
      failed: failed.length,
      failed_runs: failed.map((r) => r.id),
    },
  };
};

/**
 * "Fallaron 2 de las últimas 30 corridas", "None of the 4 runs this month failed": how many of the
 * runs failed, of those of the time named (`when`) or of the last ones read.
 */
function failedWords(failed: number, runs: number, when: string | undefined, lang: Lang): string {
  const of = when
    ? say(
        lang,
        `${agree(runs, ['la', 'las'])} ${countOf(runs, lang, NOUN.run)} del pipeline`,
        `the ${countOf(runs, lang, NOUN.run)} of the pipeline`,
      )
    : say(
        lang,
        `${agree(runs, ['la última', 'las últimas'])} ${countOf(runs, lang, NOUN.run)} del pipeline`,
        `the last ${countOf(runs, lang, NOUN.run)} of the pipeline`,
      );
  const lead = when ? say(lang, `${when}, `, `${when}, `) : '';
  if (failed === 0)
    return say(
      lang,
      `${lead}${lead ? 'no falló ninguna' : 'No falló ninguna'} de ${of}.`,
      `${lead}${lead ? 'none' : 'None'} of ${of} failed.`,
    );
  return say(
    lang,
    `${lead}${lead ? agree(failed, ['falló', 'fallaron']) : capitalize(agree(failed, ['falló', 'fallaron']))} ${formatNumber(failed, lang)} de ${of}.`,
    `${lead}${formatNumber(failed, lang)} of ${of} failed.`,
  );
}
