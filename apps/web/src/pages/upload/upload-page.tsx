import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { IngestReport } from '../../api/report-types.ts';
import { useApp } from '../../app/app-context.tsx';
import { usePermit } from '../../app/use-permit.ts';
import { ErrorNote } from '../../components/error-note.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { PermitNote } from '../../components/permit-note.tsx';
import { WebError } from '../../errors.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { Ingestion } from '../data/ingestions-table.tsx';
import { ValidationReport } from '../data/validation-report.tsx';
import { findIngestion, isBatchFileName } from './batch-file-name.ts';
import { fileSize } from './file-size.ts';
import { LandingFiles } from './landing-files.tsx';

/** Whether the server refused an upload because a file of that name is still waiting to be checked. */
const isWaitingAlready = (error: unknown) =>
  error instanceof WebError && error.serverCode === 'ALREADY_EXISTS';

/** How often the ingestion log is read while waiting for the pipeline to check an upload. */
const POLL_MS = 2000;
/** Browser and server clocks differ a little; an ingestion this much older than the upload still counts. */
const CLOCK_SLACK_MS = 60_000;

type Step =
  | { kind: 'idle' }
  | { kind: 'sending'; share: number }
  | { kind: 'waiting'; name: string; bytes: number; since: number }
  | { kind: 'checked'; report: IngestReport }
  | { kind: 'failed'; error: unknown };

/**
 * Upload a weekly batch: drop a file or pick one, watch it go up, then (after the weekly pipeline
 * checks it — now, if the operator asks) its validation report. Needs an operator's or admin's sign-in.
 */
export default function UploadPage() {
  const { t, num } = useI18n();
  const { api, token } = useApp();
  const upload = usePermit('upload');
  const inputId = useId();
  const chooseFirstId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [runError, setRunError] = useState<unknown>(null);
  // Read the landing again once an upload arrived there and once a run checked it.
  const [landingGeneration, setLandingGeneration] = useState(0);
  const size = (bytes: number) => fileSize(bytes, num);
  const nameOk = file === null || isBatchFileName(file.name);

  // Waiting for the pipeline: read the ingestion log until the uploaded file shows up in it.
  const waitingFor = step.kind === 'waiting' ? step : null;
  useEffect(() => {
    if (!waitingFor) return;
    let stopped = false;
    const look = async () => {
      const log = (await api.ingestions(50)) as unknown as Ingestion[];
      const found = findIngestion(log, waitingFor.name, waitingFor.since - CLOCK_SLACK_MS);
      if (!found || stopped) return;
      const report = (await api.report('ingest', found.batchId)) as IngestReport;
      if (stopped) return;
      setStep({ kind: 'checked', report });
      setLandingGeneration((g) => g + 1);
    };
    const timer = setInterval(() => void look().catch(() => undefined), POLL_MS);
    void look().catch(() => undefined);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, waitingFor]);

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setStep({ kind: 'idle' });
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    choose(e.dataTransfer.files[0]);
  };
  const send = (replace = false) => {
    if (!file || !isBatchFileName(file.name)) return;
    const since = Date.now();
    setStep({ kind: 'sending', share: 0 });
    api
      .uploadBatch(file, file.name, token, (share) => setStep({ kind: 'sending', share }), replace)
      .then(
        (r) => {
          setStep({ kind: 'waiting', name: file.name, bytes: r.bytes, since });
          setLandingGeneration((g) => g + 1);
        },
        (error: unknown) => setStep({ kind: 'failed', error }),
      );
  };
  const runNow = () => {
    setRunError(null);
    api.triggerRun('weekly', { retrain: 'auto' }, token).catch(setRunError);
  };

  return (
    <>
      <PageIntro title={t('upload.title')} explanation={t('upload.explain')} />
      <PermitNote permit={upload} />
      <section className="card">
        <div
          className={over ? 'drop-zone over' : 'drop-zone'}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <p>{t('upload.drop')}</p>
          <label htmlFor={inputId} className="button-like secondary">
            {t('upload.pick')}
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            accept=".parquet,.csv"
            className="sr-only"
            onChange={(e) => choose(e.currentTarget.files?.[0])}
          />
        </div>
        {file ? (
          <p data-testid="chosen-file">
            {t('upload.chosen', { size: size(file.size) })} <code translate="no">{file.name}</code>
          </p>
        ) : null}
        {nameOk ? null : <p className="warning">{t('upload.badName')}</p>}
        {/* Without a role that may upload, the server could only refuse: the button is off and points at why. */}
        <button
          type="button"
          onClick={() => send()}
          disabled={!upload.allowed || !file || !nameOk || step.kind === 'sending' || step.kind === 'waiting'}
          aria-describedby={upload.allowed && !file ? chooseFirstId : upload.noteId}
        >
          {t('upload.send')}
        </button>
        {/* Allowed to upload but nothing chosen yet: say so, or the greyed button reads as broken. */}
        {upload.allowed && !file ? (
          <p className="muted" id={chooseFirstId}>
            {t('upload.chooseFirst')}
          </p>
        ) : null}
        {step.kind === 'sending' ? (
          <div className="stack">
            <progress max={1} value={step.share} aria-label={t('upload.send')} />
            <span role="status">{t('upload.progress', { pct: `${Math.round(step.share * 100)} %` })}</span>
          </div>
        ) : null}
        {step.kind === 'failed' ? <ErrorNote error={step.error} /> : null}
        {/* The same name uploaded again before the pipeline checked the first: usually a corrected file. */}
        {step.kind === 'failed' && isWaitingAlready(step.error) ? (
          <button type="button" className="secondary" onClick={() => send(true)}>
            {t('upload.replace')}
          </button>
        ) : null}
      </section>
      {step.kind === 'waiting' ? (
        <section className="card" aria-live="polite" data-testid="upload-waiting">
          <p className="success">{t('upload.uploaded', { size: size(step.bytes) })}</p>
          <p className="muted">{t('upload.waiting')}</p>
          <button type="button" className="secondary" onClick={runNow}>
            {t('upload.runNow')}
          </button>
          {runError ? <ErrorNote error={runError} /> : null}
        </section>
      ) : null}
      {step.kind === 'checked' ? <ValidationReport report={step.report} /> : null}
      {upload.allowed ? <LandingFiles generation={landingGeneration} /> : null}
    </>
  );
}
