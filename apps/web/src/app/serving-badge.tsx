import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';
import { useAsync } from './use-async.ts';

/** Which model version (or stand-in rule) serves and which week it predicts, or that none serves yet. */
export function ServingBadge() {
  const { t, lang } = useI18n();
  const { api } = useApp();
  const state = useAsync(() => api.serving(lang), [api, lang]);
  if (state.status !== 'done') return null;
  const s = state.value;
  return (
    <p className="serving-badge" data-testid="serving">
      {s.served_by?.kind === 'rule'
        ? t('shell.servingRule', { rule: s.served_by.rule_description ?? '', week: s.cutoff ?? '—' })
        : s.model_version === null
          ? t('shell.noModel')
          : t('shell.serving', { version: s.model_version, week: s.cutoff ?? '—' })}
    </p>
  );
}
