import type { Lang } from '../../contract/api.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import { formatDay, say } from '../format.ts';
import { noModel } from './answers.ts';
import type { Tool, ToolAnswer, ToolRequest } from './toolbox.ts';

/**
 * Runs `work` over the served model, held for the whole answer so a swap cannot free it midway;
 * without one, says no model is serving yet.
 */
export function withModel(
  box: Parameters<Tool>[0],
  req: ToolRequest,
  work: (model: ServingModel) => ToolAnswer,
): ToolAnswer {
  const model = box.serving.current()?.acquire();
  if (!model)
    return noModel(
      req.lang,
      say(req.lang, 'el modelo se está cargando o aún no se entrenó', 'it is loading or was never trained'),
    );
  try {
    return work(model);
  } finally {
    model.release();
  }
}

/** The week the served model predicts: "la semana que empieza el 20 may 2024". */
export function weekOf(model: ServingModel, lang: Lang): string {
  const cutoff = model.features.cutoff;
  return cutoff
    ? say(
        lang,
        `la semana que empieza el ${formatDay(cutoff, lang)}`,
        `the week starting ${formatDay(cutoff, lang)}`,
      )
    : say(lang, 'la próxima semana', 'next week');
}
