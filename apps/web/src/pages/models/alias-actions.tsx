import { useId, useState, type FormEvent } from 'react';
import type { ModelVersion } from '../../api/tracking-types.ts';
import { useApp } from '../../app/app-context.tsx';
import { usePermit } from '../../app/use-permit.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { PermitNote } from '../../components/permit-note.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * Promote a version to champion, or roll the champion back, each with a written reason and a
 * confirmation (both change what answers predictions at once). Both need an admin's sign-in (the
 * note says why not); promoting is off, and says so, while there is no other ready version, and
 * rolling back while the champion has no earlier version to return to. Allowed but not filled in,
 * each button says what it still needs (a greyed button alone reads as broken).
 */
export function AliasActions({
  versions,
  championVersion,
  canRollBack,
  onMoved,
}: {
  versions: readonly ModelVersion[];
  championVersion: number | null;
  canRollBack: boolean;
  onMoved(): void;
}) {
  const { t } = useI18n();
  const { api, token } = useApp();
  const move = usePermit('moveChampion');
  const versionId = useId();
  const promoteReasonId = useId();
  const rollbackReasonId = useId();
  const promoteNeedsId = useId();
  const rollbackNeedsId = useId();
  const candidates = versions.filter((v) => v.status === 'READY' && v.version !== championVersion);
  const [version, setVersion] = useState<number | ''>('');
  const [promoteReason, setPromoteReason] = useState('');
  const [rollbackReason, setRollbackReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<'promote' | 'rollback' | null>(null);
  const promoteNeeds = move.allowed && candidates.length > 0 && (version === '' || !promoteReason.trim());
  const rollbackNeeds = move.allowed && canRollBack && !rollbackReason.trim();
  /** What a button is described by: the sign-in note, and what the form still needs. */
  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const [message, setMessage] = useState<{ ok: true; text: string } | { ok: false; error: unknown } | null>(
    null,
  );

  const act = (run: () => Promise<{ version: number; serving_version: number | null }>) => {
    setConfirming(null);
    setBusy(true);
    setMessage(null);
    run()
      .then(
        (r) => {
          setMessage({
            ok: true,
            text: t('models.moved', { version: r.version, serving: r.serving_version ?? '—' }),
          });
          onMoved();
        },
        (error: unknown) => setMessage({ ok: false, error }),
      )
      .finally(() => setBusy(false));
  };
  const promote = (e: FormEvent) => {
    e.preventDefault();
    if (!move.allowed || version === '' || !promoteReason.trim()) return;
    setConfirming('promote');
  };
  const rollback = (e: FormEvent) => {
    e.preventDefault();
    if (!move.allowed || !rollbackReason.trim() || !canRollBack) return;
    setConfirming('rollback');
  };
  const confirm = () => {
    if (confirming === 'promote' && version !== '') {
      act(() => api.promote(version, promoteReason.trim(), token));
    } else if (confirming === 'rollback') {
      act(() => api.rollback(rollbackReason.trim(), token));
    }
  };

  return (
    <section className="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('models.actionsTitle')}</h2>
      <p className="explain">{t('models.actionsExplain')}</p>
      <PermitNote permit={move} />
      <div className="grid-2">
        <form onSubmit={promote} aria-label={t('models.promote')} className="stack">
          <div className="field">
            <label htmlFor={versionId}>{t('models.promoteVersion')}</label>
            <select
              id={versionId}
              value={version}
              disabled={candidates.length === 0}
              onChange={(e) => setVersion(e.currentTarget.value === '' ? '' : Number(e.currentTarget.value))}
            >
              <option value="">{t('models.choose')}</option>
              {candidates.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={promoteReasonId}>{t('models.reason')}</label>
            <input
              id={promoteReasonId}
              value={promoteReason}
              maxLength={1000}
              onChange={(e) => setPromoteReason(e.currentTarget.value)}
            />
          </div>
          <button
            type="submit"
            disabled={!move.allowed || busy || version === '' || !promoteReason.trim()}
            aria-describedby={describedBy(move.noteId, promoteNeeds && promoteNeedsId)}
          >
            {t('models.promote')}
          </button>
          {promoteNeeds ? (
            <p className="muted" id={promoteNeedsId}>
              {t('models.promoteNeeds')}
            </p>
          ) : null}
          {candidates.length === 0 ? <p className="muted">{t('models.noOther')}</p> : null}
        </form>
        <form onSubmit={rollback} aria-label={t('models.rollback')} className="stack">
          <div className="field">
            <label htmlFor={rollbackReasonId}>{t('models.reason')}</label>
            <input
              id={rollbackReasonId}
              value={rollbackReason}
              maxLength={1000}
              onChange={(e) => setRollbackReason(e.currentTarget.value)}
            />
          </div>
          <button
            type="submit"
            className="danger"
            disabled={!move.allowed || busy || !canRollBack || !rollbackReason.trim()}
            aria-describedby={describedBy(move.noteId, rollbackNeeds && rollbackNeedsId)}
          >
            {t('models.rollback')}
          </button>
          {rollbackNeeds ? (
            <p className="muted" id={rollbackNeedsId}>
              {t('models.rollbackNeeds')}
            </p>
          ) : null}
          {canRollBack ? null : <p className="muted">{t('models.noEarlier')}</p>}
        </form>
      </div>
      {confirming ? (
        <div
          className="confirm warning"
          role="alertdialog"
          aria-labelledby="confirm-text"
          data-testid="confirm"
        >
          <p id="confirm-text">
            {confirming === 'promote'
              ? t('models.confirmPromote', { version: version === '' ? '—' : version })
              : t('models.confirmRollback')}
          </p>
          <div className="row-between">
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t('models.cancel')}
            </button>
            <button
              type="button"
              className={confirming === 'rollback' ? 'danger' : ''}
              onClick={confirm}
              autoFocus
            >
              {t('models.confirm')}
            </button>
          </div>
        </div>
      ) : null}
      {message?.ok === true ? (
        <p className="success" role="status">
          {message.text}
        </p>
      ) : null}
      {message?.ok === false ? <ErrorNote error={message.error} /> : null}
    </section>
  );
}
