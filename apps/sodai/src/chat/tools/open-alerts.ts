import type { AlertRule } from '../../contract/alerts-api.ts';
import type { Lang } from '../../contract/api.ts';
import type { ChatAlert } from '../alert-source.ts';
import { agree, countOf } from '../count-words.ts';
import { formatDay, say } from '../format.ts';
import { notAnswered, table } from './answers.ts';
import { refusedBatchAlertWords } from './refused-batch-alert.ts';
import type { Tool, ToolAnswer } from './toolbox.ts';

/** Each rule's kind of alert in plain words: es, en. A rule added to the contract must be named here. */
const KIND: Readonly<Record<AlertRule, readonly [string, string]>> = {
  realized_below_rule: [
    'modelo peor que la regla simple en semanas reales',
    'model worse than the simple rule on real weeks',
  ],
  realized_below_test: ['F1 real del modelo bajo su F1 de prueba', "model's real F1 below its test F1"],
  dataset_drift: ['deriva de datos', 'data drift'],
  weekly_run_failed: ['corrida semanal fallida', 'weekly run failed'],
  batch_rejected: ['lote rechazado por la validación', 'batch refused by validation'],
  stale_data: ['datos desactualizados', 'stale data'],
  late_source_rows: [
    'filas de la fuente que llegaron tarde y no se cargaron',
    'source rows that arrived late and were not loaded',
  ],
  missing_weeks: ['semanas sin datos entre semanas con datos', 'weeks with no data between weeks with data'],
  gate_rejections: ['la compuerta rechaza los modelos nuevos', 'the gate keeps rejecting new models'],
  api_error_rate: ['errores de la API', 'API errors'],
  api_latency: ['API lenta', 'slow API'],
  prediction_log_drops: ['registros de predicciones perdidos', 'prediction log records dropped'],
};

const SEVERITY: Readonly<Record<ChatAlert['severity'], readonly [string, string]>> = {
  warning: ['aviso', 'warning'],
  critical: ['crítica', 'critical'],
};

const NOUN_ALERT = {
  es: ['alerta abierta', 'alertas abiertas'],
  en: ['open alert', 'open alerts'],
} as const;

const day = (d: Date, lang: Lang) => formatDay(d.toISOString().slice(0, 10), lang);

/** One alert in a sentence: its kind, how serious, since when, and what it says. */
function alertLine(a: ChatAlert, lang: Lang): string {
  const kind = say(lang, ...KIND[a.rule]);
  const severity = say(lang, ...SEVERITY[a.severity]);
  const acked = a.acknowledgedBy
    ? say(lang, `; la está viendo ${a.acknowledgedBy}`, `; ${a.acknowledgedBy} is on it`)
    : '';
  // An alert seen again after the day it opened is still firing, which is worth saying.
  const seen =
    day(a.lastSeenAt, lang) === day(a.openedAt, lang)
      ? ''
      : say(
          lang,
          `, vista por última vez el ${day(a.lastSeenAt, lang)}`,
          `, last seen ${day(a.lastSeenAt, lang)}`,
        );
  // A refused batch is said in the question's language, with what to do; the others quote the rule's line.
  const says =
    a.rule === 'batch_rejected'
      ? refusedBatchAlertWords(a, lang).replace(/\.$/, '')
      : say(lang, `«${a.summary}»`, `"${a.summary}"`);
  return say(
    lang,
    `${kind} (${severity}), abierta desde el ${day(a.openedAt, lang)}${seen}${acked}: ${says}`,
    `${kind} (${severity}), open since ${day(a.openedAt, lang)}${seen}${acked}: ${says}`,
  );
}

/**
 * The monitoring's open alerts in plain words ("¿hay alertas?", "what's wrong?"): how many, then
 * each one's kind, severity, since when and what it says; plainly "none" when none is open. Reads
 * the alert store only (alerts are acknowledged in the inbox, not here).
 */
export const openAlertsTool: Tool = async (box, req) => {
  const { lang } = req;
  if (!box.alerts)
    return notAnswered(
      say(
        lang,
        'No tengo acceso a las alertas en este servidor (el monitoreo de alertas no está configurado), así que no puedo decir si hay alguna abierta.',
        'I cannot see the alerts on this server (alert monitoring is not set up), so I cannot tell whether any is open.',
      ),
      [
        say(lang, '¿Hay deriva de datos?', 'Is there data drift?'),
        say(lang, '¿Cómo salió la última corrida?', 'How did the last run go?'),
      ],
    );
  const alerts = await box.alerts.open();
  const basedOn = [
    say(lang, 'alertas abiertas del monitoreo (/api/alerts)', "the monitoring's open alerts (/api/alerts)"),
  ];
  if (alerts.length === 0) return noneOpen(lang, basedOn);
  const critical = alerts.filter((a) => a.severity === 'critical').length;
  const criticalWords =
    critical > 0
      ? say(lang, ` (${critical} ${agree(critical, ['crítica', 'críticas'])})`, ` (${critical} critical)`)
      : '';
  const lines = alerts.map((a) => alertLine(a, lang));
  const text = say(
    lang,
    `Hay ${countOf(alerts.length, lang, NOUN_ALERT)}${criticalWords}: ${lines.join('; ')}.`,
    `There ${agree(alerts.length, ['is', 'are'])} ${countOf(alerts.length, lang, NOUN_ALERT)}${criticalWords}: ${lines.join('; ')}.`,
  );
  return {
    text,
    answered: true,
    basedOn,
    table: table(
      [
        [say(lang, 'Alerta', 'Alert'), false],
        [say(lang, 'Gravedad', 'Severity'), false],
        [say(lang, 'Desde', 'Since'), false],
        [say(lang, 'Vista por última vez', 'Last seen'), false],
        [say(lang, 'Qué dice', 'What it says'), false],
      ],
      alerts.map((a) => [
        say(lang, ...KIND[a.rule]),
        say(lang, ...SEVERITY[a.severity]),
        day(a.openedAt, lang),
        day(a.lastSeenAt, lang),
        a.rule === 'batch_rejected' ? refusedBatchAlertWords(a, lang) : a.summary,
      ]),
    ),
    data: {
      open_alerts: alerts.length,
      alerts: alerts.map((a) => ({
        rule: a.rule,
        severity: a.severity,
        opened_at: a.openedAt.toISOString(),
        summary: a.summary,
      })),
    },
  };
};

function noneOpen(lang: Lang, basedOn: readonly string[]): ToolAnswer {
  return {
    text: say(
      lang,
      'No hay alertas abiertas: ningún control del monitoreo (datos, modelo, corridas semanales, API) está disparado ahora.',
      'There are no open alerts: none of the monitoring checks (data, model, weekly runs, API) is firing now.',
    ),
    answered: true,
    basedOn,
    data: { open_alerts: 0, alerts: [] },
  };
}
