import { useId, useState, type FormEvent } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

/**
 * Starts a run of the DAG now (an operator's or admin's sign-in: `mayRun`; the page's note, `whyNotId`,
 * says why not); for a DAG that trains, with the retrain choice and the tuning trials.
 */
export function TriggerForm({
  dagId,
  trains,
  mayRun,
  whyNotId,
  onStarted,
}: {
  dagId: string;
  trains: boolean;
  mayRun: boolean;
  whyNotId: string | undefined;
  onStarted(runId: string): void;
}) {
  const { t } = useI18n();
  const { api, token } = useApp();
  const retrainId = useId();
  const trialsId = useId();
  const [retrain, setRetrain] = useState<'auto' | 'force' | 'never'>('auto');
  // Empty: the server's configured trials (`model.nTrials`), so a run from here trains as the schedule does.
  const [trials, setTrials] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    api
      .triggerRun(dagId, trains ? { retrain, ...(trials === undefined ? {} : { trials }) } : {}, token)
      .then((r) => onStarted(r.run_id), setError)
      .finally(() => setBusy(false));
  };
  return (
    <form className="form-row" onSubmit={submit} aria-label={t('pipeline.trigger')}>
      {trains ? (
        <>
          <div className="field">
            <label htmlFor={retrainId}>{t('pipeline.retrain')}</label>
            <select
              id={retrainId}
              value={retrain}
              onChange={(e) => setRetrain(e.currentTarget.value as typeof retrain)}
            >
              <option value="auto">{t('pipeline.retrainAuto')}</option>
              <option value="never">{t('pipeline.retrainNever')}</option>
              <option value="force">{t('pipeline.retrainForce')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={trialsId}>{t('pipeline.trials')}</label>
            <input
              id={trialsId}
              type="number"
              min={1}
              max={500}
              value={trials ?? ''}
              placeholder={t('pipeline.trialsConfigured')}
              onChange={(e) => setTrials(trialsTyped(e.currentTarget.value))}
            />
          </div>
        </>
      ) : null}
      {/* Without a role that may run, the server could only refuse: the button is off and points at why. */}
      <button type="submit" disabled={busy || !mayRun} aria-describedby={whyNotId}>
        {t('pipeline.trigger')}
      </button>
      {error ? <ErrorNote error={error} /> : null}
    </form>
  );
}

/** A typed trial count kept within what the server accepts (1–500); undefined when the field is empty. */
function trialsTyped(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  return Math.max(1, Math.min(500, Math.round(Number(value)) || 1));
}
