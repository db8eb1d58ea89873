import type { AlertRecord } from './alert-store.ts';
import { alertJson } from './alert-json.ts';

/** What channels are told: an alert opened or resolved. Repeats of an open alert tell nobody. */
export interface AlertEvent {
  readonly kind: 'opened' | 'resolved';
  readonly alert: AlertRecord;
}

/** The JSON body of an event: the webhook's wire format. */
export function alertEventJson(event: AlertEvent) {
  return { event: event.kind, alert: alertJson(event.alert) };
}

/** One line for people: the log and chat tools. */
export function alertEventLine(event: AlertEvent): string {
  const a = event.alert;
  return event.kind === 'opened'
    ? `[SodAI ${a.severity}] ${a.rule}: ${a.summary}`
    : `[SodAI resolved] ${a.rule}: ${a.resolution ?? a.summary}`;
}

/** A place notifications go. `send` may throw; the caller logs it and goes on with the others. */
export interface AlertChannel {
  readonly name: string;
  send(event: AlertEvent): Promise<void>;
}

/** Notifications written to a logger (pino's or the CLI's). */
export function logChannel(log: (level: 'warn' | 'info', line: string) => void): AlertChannel {
  return {
    name: 'log',
    send: async (event) => log(event.kind === 'opened' ? 'warn' : 'info', alertEventLine(event)),
  };
}
