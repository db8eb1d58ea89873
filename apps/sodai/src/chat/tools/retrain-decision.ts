import type { RunRecord, TaskInstance } from '@sodai/pipeline';
import type { Lang } from '../../contract/api.ts';
import { capitalize, formatInstant, say } from '../format.ts';
import { noPipelineAccess } from './answers.ts';
import type { GateVerdict } from '../../contract/model-decisions.ts';
import { gateWords } from './gate-words.ts';
import {
  promotedVersionOf,
  recordedGate,
  recordedRetrain,
  type RecordedDecision,
  type RecordedRetrain,
} from './recorded-decisions.ts';
import { retrainWords } from './retrain-words.ts';
import type { ChatToolbox, Tool } from './toolbox.ts';

/** How many recent runs are searched for the last retrain and gate decisions. */
const RECENT_RUNS = 30;

/** The weekly DAG's tasks that decide about the model. */
const DECIDING = ['should_retrain', 'train', 'gate', 'promote', 'keep_champion'] as const;

interface RunTasks {
  readonly run: RunRecord;
  readonly tasks: ReadonlyMap<string, TaskInstance>;
}

const succeeded = (t: RunTasks, id: string) => t.tasks.get(id)?.state === 'success';
/** The gate ran to a decision (a failed gate logged why it refused). */
const gateDecided = (t: RunTasks) => ['success', 'failed'].includes(t.tasks.get('gate')?.state ?? '');

const promotedVersion = (t: RunTasks) => promotedVersionOf(t.tasks.get('promote'));

/** The model serving and when it was registered (with a leading space), or nothing when none serves. */
function servingModelSentence(box: ChatToolbox, lang: Lang): string {
  const model = box.serving.current();
  if (!model) return '';
  const when = formatInstant(model.registeredAt, lang);
  return say(
    lang,
    ` El modelo en servicio es la versión ${model.version}, registrada el ${when}.`,
    ` The model serving is version ${model.version}, registered on ${when}.`,
  );
}

/**
 * Whether the last run retrained and why. It opens with "Sí:" / "No:" when it answers a question
 * about retraining; after the gate's decision it only states what that run did.
 */
function retrainSentence(
  t: RunTasks,
  decision: RecordedRetrain | undefined,
  lang: Lang,
  yesOrNo: boolean,
): string {
  const when = formatInstant(t.run.startedAt ?? t.run.createdAt, lang);
  const retrained = t.tasks.get('train')?.state !== 'skipped';
  const why = decision ? `: ${retrainWords(decision, lang)}` : '';
  const es = retrained
    ? `la última corrida semanal (${t.run.id}, ${when}) reentrenó el modelo${why}.`
    : `la última corrida semanal (${t.run.id}, ${when}) no reentrenó el modelo y se quedó con el campeón${why}.`;
  const en = retrained
    ? `the last weekly run (${t.run.id}, ${when}) retrained the model${why}.`
    : `the last weekly run (${t.run.id}, ${when}) did not retrain and kept the champion${why}.`;
  if (yesOrNo) return say(lang, `${retrained ? 'Sí' : 'No'}: ${es}`, `${retrained ? 'Yes' : 'No'}: ${en}`);
  return say(lang, capitalize(es), capitalize(en));
}

/** What the gate did with the challenger: promoted it, rejected it, or never got to decide. */
function gateDecisionWords(t: RunTasks, lang: Lang): string {
  const version = promotedVersion(t);
  const named = version ? ` (v${version})` : '';
  if (succeeded(t, 'promote'))
    return say(
      lang,
      `promovió el modelo nuevo${named} a campeón`,
      `promoted the new model${named} to champion`,
    );
  if (succeeded(t, 'keep_champion'))
    return say(
      lang,
      'rechazó el modelo nuevo y se quedó con el campeón',
      'rejected the new model and kept the champion',
    );
  return say(lang, 'no llegó a decidir', 'did not reach a decision');
}

/** The gate's reason in the question's language, or quoted as logged when it has no verdict. */
function gateWhy(decision: RecordedDecision<GateVerdict> | undefined, lang: Lang): string {
  if (!decision) return '';
  const words = gateWords(decision, lang);
  return words ? `: ${words}` : say(lang, ` («${decision.reason}»)`, ` ("${decision.reason}")`);
}

/**
 * The gate's last decision. After the retrain sentence it says "in that run" when both are one run;
 * asked about the gate itself, the decision opens the answer and names its run.
 */
function gateSentence(
  t: RunTasks | undefined,
  placement: 'opens' | { readonly sameRunAsBefore: boolean },
  recorded: RecordedDecision<GateVerdict> | undefined,
  lang: Lang,
): string {
  if (!t)
    return say(
      lang,
      'La compuerta todavía no ha decidido sobre ningún modelo nuevo.',
      'The gate has not yet decided on any new model.',
    );
  const when = formatInstant(t.run.startedAt ?? t.run.createdAt, lang);
  const decision = gateDecisionWords(t, lang);
  const why = gateWhy(recorded, lang);
  if (placement === 'opens')
    return say(
      lang,
      `La compuerta ${decision} en la corrida ${t.run.id} (${when})${why}.`,
      `The gate ${decision} in run ${t.run.id} (${when})${why}.`,
    );
  const where = placement.sameRunAsBefore
    ? say(lang, 'En esa corrida la compuerta', 'In that run the gate')
    : say(
        lang,
        `La última decisión de la compuerta fue en la corrida ${t.run.id} (${when}):`,
        `The gate last decided in run ${t.run.id} (${when}): it`,
      );
  return `${where} ${decision}${why}.`;
}

/**
 * Whether the last weekly run retrained the model and why, and what the gate decided about the
 * last model trained ("¿se reentrenó el modelo? ¿por qué?", "what did the gate decide?"). Read
 * from the run store: `should_retrain` and `gate` keep their decisions as their task outputs, and
 * `promote` or `keep_champion` is the one that ran.
 */
export const retrainDecisionTool: Tool = async (box, req) => {
  const { lang } = req;
  // Without a weekly run to read, "¿cuándo se reentrenó el modelo?" still has the serving model's date.
  const serving = servingModelSentence(box, lang);
  if (!box.pipeline) {
    const none = noPipelineAccess(lang);
    return serving
      ? {
          ...none,
          text: `${none.text}${serving}`,
          answered: true,
          basedOn: [say(lang, 'registro de modelos (alias champion)', 'model registry (champion alias)')],
        }
      : none;
  }
  const { store } = box.pipeline;
  const runs = await store.listRuns({ limit: RECENT_RUNS });
  // A run that failed before deciding anything is not the answer: the one before it decided. The
  // latest run usually decided both, so the runs' tasks are read only until both are found.
  let decided: RunTasks | undefined;
  let gated: RunTasks | undefined;
  for (const run of runs) {
    const tasks = await store.taskInstances(run.id, DECIDING);
    const t: RunTasks = { run, tasks: new Map(tasks.map((task) => [task.taskId, task])) };
    decided ??= succeeded(t, 'should_retrain') ? t : undefined;
    gated ??= gateDecided(t) ? t : undefined;
    if (decided && gated) break;
  }
  const basedOn = [say(lang, 'registro de corridas del pipeline', 'pipeline run store')];
  if (!decided)
    return {
      text: say(
        lang,
        `Ninguna corrida semanal ha decidido todavía si reentrenar el modelo.${serving}`,
        `No weekly run has yet decided whether to retrain the model.${serving}`,
      ),
      answered: true,
      basedOn,
      data: { retrained: null },
    };
  const retrain = await recordedRetrain(store, decided.run.id, decided.tasks.get('should_retrain'));
  const gate = gated ? await recordedGate(store, gated.run.id, gated.tasks.get('gate')) : undefined;
  const retrained = decided.tasks.get('train')?.state !== 'skipped';
  // "¿Qué decidió el gate?" is answered by the gate's decision first; the retrain comes after it.
  const text = req.gateAsked
    ? [gateSentence(gated, 'opens', gate, lang), retrainSentence(decided, retrain, lang, false)].join(' ')
    : [
        retrainSentence(decided, retrain, lang, true),
        gateSentence(gated, { sameRunAsBefore: gated === decided }, gate, lang),
      ].join(' ');
  return {
    text,
    answered: true,
    basedOn,
    data: {
      run_id: decided.run.id,
      retrained,
      retrain_reason: retrain?.reason ?? null,
      retrain_verdict: retrain?.verdict?.kind ?? null,
      gate_reason: gate?.reason ?? null,
      gate_verdict: gate?.verdict?.kind ?? null,
      gate_run_id: gated?.run.id ?? null,
      gate: gated
        ? succeeded(gated, 'promote')
          ? 'promoted'
          : succeeded(gated, 'keep_champion')
            ? 'kept_champion'
            : 'undecided'
        : null,
      promoted_version: gated ? (promotedVersion(gated) ?? null) : null,
    },
  };
};
