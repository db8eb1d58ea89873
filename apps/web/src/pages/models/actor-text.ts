import type { I18n } from '../../i18n/i18n-context.tsx';

/**
 * Who moved the champion, as a person reads it. The server records the weekly pipeline as
 * `pipeline:<run id>` and the command line as `cli:<user>`; a token's name (an admin's) is a person's
 * or team's name and stays as written.
 *
 * @example
 * actorText('pipeline:01a2297b-3c8d-7000-80bf-624f17861caa', i18n); // 'flujo semanal'
 * actorText('cli:ana', i18n); // 'ana (línea de comandos)'
 */
export function actorText(actor: string, { t }: Pick<I18n, 't'>): string {
  const [kind, ...rest] = actor.split(':');
  const who = rest.join(':');
  if (kind === 'pipeline' && who) return t('models.actorPipeline');
  if (kind === 'cli' && who) return t('models.actorCli', { user: who });
  return actor;
}
