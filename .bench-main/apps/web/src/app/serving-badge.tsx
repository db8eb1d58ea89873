import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';
import { useAsync } from './use-async.ts';

/** Which model version serves and which week it predicts, or that none serves yet. */
export function ServingBadge() {
  const { t } = useI18n();
  const { api } = useApp();
  const state = useAsync(() => api.serving(), [api]);
  if (state.status !== 'done') return null;
  const s = state.value;
  return (
    <p className="serving-badge" data-testid="serving">
      {s.model_version === null
        ? t('shell.noModel')
        : t('shell.serving', { version: s.model_version, week: s.cutoff ?? '—' })}
    </p>
  );
}
