import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useApp } from './app-context.tsx';

/** Where an operator pastes the admin token that promote, roll back and trigger need. */
export function AdminTokenField() {
  const { t } = useI18n();
  const { adminToken, setAdminToken } = useApp();
  const id = useId();
  return (
    <div className="token-field">
      <label htmlFor={id}>{t('shell.adminToken')}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={adminToken}
        placeholder={t('shell.adminTokenPlaceholder')}
        onChange={(e) => setAdminToken(e.currentTarget.value)}
      />
    </div>
  );
}
