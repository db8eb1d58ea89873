import type { ServingState } from '../api/contract.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import type { AsyncState } from './use-async.ts';

/**
 * Which model version (or stand-in rule) serves and which week it predicts, that the server is still
 * loading it, or that none serves yet.
 */
export function ServingBadge({ state }: { state: AsyncState<ServingState> }) {
  const { t } = useI18n();
  if (state.status !== 'done') return null;
  const s = state.value;
  return (
    <p className="serving-badge" data-testid="serving">
      {s.served_by?.kind === 'rule'
        ? t('shell.servingRule', { rule: s.served_by.rule_description ?? '', week: s.cutoff ?? '—' })
        : s.model_version !== null
          ? t('shell.serving', { version: s.model_version, week: s.cutoff ?? '—' })
          : s.loading
            ? t('shell.loadingModel')
            : t('shell.noModel')}
    </p>
  );
}
