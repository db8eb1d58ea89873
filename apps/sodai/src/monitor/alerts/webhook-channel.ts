import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { alertEventJson, alertEventLine, type AlertChannel, type AlertEvent } from './alert-event.ts';

export const SIGNATURE_HEADER = 'x-sodai-signature';
export const TIMESTAMP_HEADER = 'x-sodai-timestamp';
export const DELIVERY_HEADER = 'x-sodai-delivery';

export interface WebhookSettings {
  readonly url: string;
  readonly secret?: string | undefined;
  readonly format: 'json' | 'slack';
  readonly maxAttempts: number;
  readonly retryBaseMs: number;
  readonly timeoutMs: number;
}

/**
 * The signature a receiver recomputes: HMAC-SHA256 over `<timestamp>.<body>` with the shared
 * secret, hex, prefixed `sha256=`. The timestamp inside the signed text lets a receiver refuse
 * replays of an old delivery.
 */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** A Slack incoming-webhook body: `text` for notifications, one section block for the message. */
export function slackBody(event: AlertEvent): { text: string; blocks: unknown[] } {
  const text = alertEventLine(event);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/**
 * POSTs each event as JSON (or Slack's shape), signed when a secret is set. A network error, a
 * timeout, 429 or 5xx is retried after `retryBaseMs`, then twice that, and so on up to
 * `maxAttempts`; other 4xx answers mean the receiver refuses this body and are not retried. Every
 * attempt carries the same delivery id, so a receiver can drop a repeat it already handled.
 */
export function webhookChannel(
  settings: WebhookSettings,
  options: { now?: () => number; fetch?: typeof fetch } = {},
): AlertChannel {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? fetch;
  return {
    name: 'webhook',
    async send(event) {
      const body = JSON.stringify(settings.format === 'slack' ? slackBody(event) : alertEventJson(event));
      const delivery = `${event.alert.id}:${event.kind}`;
      for (let attempt = 1; ; attempt++) {
        try {
          const timestamp = String(now());
          const headers: Record<string, string> = {
            'content-type': 'application/json',
            [TIMESTAMP_HEADER]: timestamp,
            [DELIVERY_HEADER]: delivery,
          };
          if (settings.secret) headers[SIGNATURE_HEADER] = signPayload(settings.secret, timestamp, body);
          let res: Response;
          try {
            res = await doFetch(settings.url, {
              method: 'POST',
              headers,
              body,
              signal: AbortSignal.timeout(settings.timeoutMs),
            });
          } catch (error) {
            throw new DeliveryFailed(error instanceof Error ? error.message : String(error), true);
          }
          await res.body?.cancel();
          if (res.ok) return;
          throw new DeliveryFailed(`HTTP ${res.status}`, res.status === 429 || res.status >= 500);
        } catch (error) {
          const failed = error as DeliveryFailed;
          if (!failed.retryable || attempt >= settings.maxAttempts) {
            throw new Error(
              `webhook ${settings.url}: delivery ${delivery} failed after ${attempt} attempt(s): ${failed.message}`,
            );
          }
          await sleep(settings.retryBaseMs * 2 ** (attempt - 1));
        }
      }
    },
  };
}
