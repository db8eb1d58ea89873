import { agree, countOf, NOUN } from '../count-words.ts';
import { capitalize, formatInstant, formatNumber, say } from '../format.ts';
import { eventPeriod } from '../understanding/event-period.ts';
import { noPipelineAccess, table } from './answers.ts';
import { promotedVersionOf } from './recorded-decisions.ts';
import { runsStartedIn, runsWhen, startOf } from './runs-in-a-period.ts';
import { policyOf, retrainRule } from './operating-policy.ts';
import type { Tool } from './toolbox.ts';

/** How many weekly runs are read: years of them. */
const RECENT_RUNS = 300;
const TABLE_ROWS = 20;

/** What one weekly run did with the model. */
type Outcome = 'promoted' | 'kept' | 'failed';

const OUTCOME: Readonly<Record<Outcome, readonly [string, string]>> = {
  promoted: ['pasó a servir', 'went into service'],
  kept: ['rechazado por la compuerta', 'refused by the gate'],
  failed: ['el entrenamiento falló', 'training failed'],
};

/**
 * How often the model was retrained ("¿cuántas veces se reentrenó el modelo este mes?", "how often
 * does it retrain?"): the weekly runs of the time asked (by when they started, on today's calendar;
 * the recent ones when none is asked) whose `train` task ran, and what became of each new model.
 */
export const retrainCountTool: Tool = async (box, req) => {
  const { lang } = req;
  // Without the runs to count, how often it retrains is still the rule it follows.
  if (!box.pipeline) {
    const none = noPipelineAccess(lang);
    return { ...none, text: `${none.text} ${retrainRule(box, policyOf(box), lang)}`, answered: true };
  }
  const store = box.pipeline.store;
  const today = box.now().toISOString().slice(0, 10);
  const period = req.retrainsCounted ? eventPeriod(req.retrainsCounted.text, today, lang) : undefined;
  const { read, runs } = await runsStartedIn(store, period, { dagId: 'weekly', limit: RECENT_RUNS });
  const trained: { run: (typeof runs)[number]; outcome: Outcome; version: number | undefined }[] = [];
  for (const run of runs) {
    const tasks = new Map(
      (await store.taskInstances(run.id, ['train', 'promote'])).map((t) => [t.taskId, t] as const),
    );
    const train = tasks.get('train');
    // Skipped (the run kept the champion), or still running: not a retraining yet.
    if (!train || (train.state !== 'success' && train.state !== 'failed')) continue;
    const promote = tasks.get('promote');
    const outcome: Outcome =
      train.state !== 'success' ? 'failed' : promote?.state === 'success' ? 'promoted' : 'kept';
    trained.push({ run, outcome, version: promotedVersionOf(promote) });
  }
  const when = runsWhen(period, read, lang);
  const count = (o: Outcome) => trained.filter((t) => t.outcome === o).length;
  const promotedVersions = trained
    .filter((t) => t.outcome === 'promoted' && t.version !== undefined)
    .map((t) => `v${t.version}`);
  const served = promotedVersions.length ? ` (${promotedVersions.join(', ')})` : '';
  const text =
    (read === 0
      ? say(lang, 'Todavía no hubo ninguna corrida semanal.', 'There has been no weekly run yet.')
      : runs.length === 0
        ? say(lang, `No hubo corridas semanales ${when}.`, `There were no weekly runs ${when}.`)
        : trained.length === 0
          ? say(
              lang,
              `${capitalize(when)} el modelo no se reentrenó: ${agree(runs.length, ['la corrida semanal se quedó', 'las corridas semanales se quedaron'])} con el modelo en servicio (${countOf(runs.length, lang, NOUN.run)}).`,
              `${capitalize(when)}, the model was not retrained: the weekly ${agree(runs.length, ['run kept', 'runs kept'])} the serving model (${countOf(runs.length, lang, NOUN.run)}).`,
            )
          : say(
              lang,
              `${capitalize(when)} el modelo se reentrenó ${formatNumber(trained.length, lang)} ${agree(trained.length, ['vez', 'veces'])} en ${countOf(runs.length, lang, NOUN.run)} ${agree(runs.length, ['semanal', 'semanales'])}: ${formatNumber(count('promoted'), lang)} ${agree(count('promoted'), ['modelo nuevo pasó', 'modelos nuevos pasaron'])} a servir${served}, ${formatNumber(count('kept'), lang)} ${agree(count('kept'), ['fue rechazado', 'fueron rechazados'])} por la compuerta${count('failed') ? ` y en ${formatNumber(count('failed'), lang)} el entrenamiento falló` : ''}.`,
              `${capitalize(when)}, the model was retrained ${formatNumber(trained.length, lang)} ${agree(trained.length, ['time', 'times'])} in ${countOf(runs.length, lang, NOUN.run)} of the weekly pipeline: ${formatNumber(count('promoted'), lang)} new ${agree(count('promoted'), ['model went', 'models went'])} into service${served}, ${formatNumber(count('kept'), lang)} ${agree(count('kept'), ['was', 'were'])} refused by the gate${count('failed') ? ` and training failed in ${formatNumber(count('failed'), lang)}` : ''}.`,
            )) +
    // How often it retrains is the rule as much as the count: said whenever no time is asked.
    (period ? '' : ` ${retrainRule(box, policyOf(box), lang)}`);
  return {
    text,
    answered: true,
    basedOn: [
      say(
        lang,
        'registro de corridas del pipeline (tareas train y promote)',
        'pipeline run store (train and promote tasks)',
      ),
    ],
    table: table(
      [
        [say(lang, 'Corrida', 'Run'), false],
        [say(lang, 'Empezó', 'Started'), false],
        [say(lang, 'Modelo nuevo', 'New model'), false],
      ],
      trained
        .slice(0, TABLE_ROWS)
        .map((t) => [
          t.run.id,
          formatInstant(startOf(t.run), lang),
          `${say(lang, ...OUTCOME[t.outcome])}${t.version !== undefined ? ` (v${t.version})` : ''}`,
        ]),
    ),
    data: {
      ...(period ? { from: period.from, to: period.to } : {}),
      weekly_runs: runs.length,
      retrained: trained.length,
      promoted: count('promoted'),
      refused_by_gate: count('kept'),
      training_failed: count('failed'),
    },
  };
};
