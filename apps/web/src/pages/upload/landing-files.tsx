import { useId, useState } from 'react';
import type { LandingFile } from '../../api/contract.ts';
import type { IngestReport } from '../../api/report-types.ts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { ErrorNote } from '../../components/error-note.tsx';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { ValidationReport } from '../data/validation-report.tsx';
import { fileSize } from './file-size.ts';

/** The state's colour: a refused file needs someone; a waiting one is read by the next run. */
const STATE_CLASS: Readonly<Record<LandingFile['state'], string>> = {
  ingested: 'success',
  refused: 'failed',
  waiting: 'warn',
};

const CONFIRM: Readonly<Record<LandingFile['state'], MessageKey>> = {
  ingested: 'landing.confirmIngested',
  refused: 'landing.confirmRefused',
  waiting: 'landing.confirmWaiting',
};

/**
 * What the landing holds and what became of each file, so an operator can see a refused file, open
 * its report and remove it (its alert then resolves) without a shell on the server or an S3 tool.
 * `generation` changes when the page uploaded or checked a file, to read the landing again.
 */
export function LandingFiles({ generation }: { generation: number }) {
  const { t, num, dateTime } = useI18n();
  const { api, token } = useApp();
  const titleId = useId();
  const listing = useAsync(() => api.landingFiles(token), [api, token, generation]);
  const [confirming, setConfirming] = useState<LandingFile | null>(null);
  const [outcome, setOutcome] = useState<{ ok: true; file: string } | { ok: false; error: unknown } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [reportOf, setReportOf] = useState<string | null>(null);
  const report = useAsync(
    async () => (reportOf === null ? null : ((await api.report('ingest', reportOf)) as IngestReport)),
    [api, reportOf],
  );
  const size = (bytes: number) => fileSize(bytes, num);

  const remove = (file: LandingFile) => {
    setConfirming(null);
    setBusy(true);
    setOutcome(null);
    api
      .removeLandingFile(file.name, token)
      .then(
        (r) => {
          setOutcome({ ok: true, file: r.removed });
          if (reportOf === file.batch_id) setReportOf(null);
          listing.reload();
        },
        (error: unknown) => setOutcome({ ok: false, error }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <>
      <section className="card" aria-labelledby={titleId} data-testid="landing-files">
        <h2 id={titleId}>{t('landing.title')}</h2>
        <p className="explain">{t('landing.explain')}</p>
        <AsyncView state={listing}>
          {(value) => (
            <>
              {/* A bucket's prefix is where the team's other tools put files too; a server folder is just "the landing". */}
              {value.where === 'landing' ? null : (
                <p className="muted">
                  {t('landing.bucket')} <code translate="no">{value.where}</code>
                </p>
              )}
              {value.files.length === 0 ? (
                <p className="muted">{t('landing.none')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table cards">
                    <caption className="sr-only">{t('landing.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('landing.file')}</th>
                        <th scope="col">{t('landing.size')}</th>
                        <th scope="col">{t('landing.state')}</th>
                        <th scope="col">{t('landing.checked')}</th>
                        <th scope="col">{t('landing.actions')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {value.files.map((f) => (
                        <tr key={f.name}>
                          <td data-label={t('landing.file')}>
                            <code translate="no">{f.name}</code>
                          </td>
                          <td data-label={t('landing.size')}>{size(f.bytes)}</td>
                          <td data-label={t('landing.state')}>
                            <span className={`status ${STATE_CLASS[f.state]}`}>
                              {t(`landing.state.${f.state}`)}
                            </span>
                          </td>
                          <td data-label={t('landing.checked')}>
                            {f.checked_at ? dateTime(f.checked_at) : '—'}
                          </td>
                          <td data-label={t('landing.actions')}>
                            <div className="row-actions">
                              {f.batch_id ? (
                                <button
                                  type="button"
                                  className="link"
                                  aria-pressed={reportOf === f.batch_id}
                                  onClick={() => setReportOf(f.batch_id)}
                                >
                                  {t('landing.report')}
                                </button>
                              ) : null}
                              <button
                                type="button"
                                className="secondary"
                                disabled={busy}
                                aria-label={`${t('landing.remove')} ${f.name}`}
                                onClick={() => setConfirming(f)}
                              >
                                {t('landing.remove')}
                              </button>
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </>
          )}
        </AsyncView>
        {/* Removing cannot be undone from here: the file is gone from the landing. */}
        {confirming ? (
          <div className="stack" role="group" aria-live="polite">
            <p>{t(CONFIRM[confirming.state], { file: confirming.name })}</p>
            <div className="form-row">
              <button type="button" onClick={() => remove(confirming)}>
                {t('landing.yesRemove')}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(null)}>
                {t('landing.cancel')}
              </button>
            </div>
          </div>
        ) : null}
        {outcome?.ok ? (
          <p className="success" role="status">
            {t('landing.removed', { file: outcome.file })}
          </p>
        ) : null}
        {outcome && !outcome.ok ? <ErrorNote error={outcome.error} /> : null}
      </section>
      {reportOf === null ? null : (
        <AsyncView state={report}>{(r) => (r ? <ValidationReport report={r} /> : null)}</AsyncView>
      )}
    </>
  );
}
