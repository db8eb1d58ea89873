import { useLayoutEffect, useRef } from 'react';
import type { IngestReport } from '../../api/report-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { detailMessage } from './check-detail.ts';

/** The file name without its folder (the server's path means nothing to the reader). */
const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * A quarantined row's value as the reader reads figures: at most 3 decimals (an average of units
 * came out as 0.6666666666666666) and no thousands separator, since most numbers here are ids.
 */
function cellText(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return value.toLocaleString(locale, { maximumFractionDigits: 3, useGrouping: false });
  return String(value);
}

/**
 * Why a batch was refused, in the reader's language from each problem's check and column (the
 * server's English sentence, with the file's path, stays one tap away as the technical detail).
 */
function RefusalReasons({ report }: { report: IngestReport }) {
  const { t, tOr } = useI18n();
  const reasons = (report.fatal ?? []).map((f) =>
    tOr(`data.fatal.${f.check}`, f.message, { column: f.column ?? '' }),
  );
  return (
    <div className="error-note" data-testid="refusal-reasons">
      {reasons.length > 0 ? (
        <ul>
          {reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      <p>{t('data.refusedNothingStored')}</p>
      <details>
        <summary>{t('data.technicalDetail')}</summary>
        <p translate="no" lang="en">
          {report.message}
        </p>
      </details>
    </div>
  );
}

/** One batch's checks with their policy, and examples of the quarantined rows. */
export function ValidationReport({ report }: { report: IngestReport }) {
  const { t, tOr, num, locale } = useI18n();
  const detail = (text: string) => {
    const m = detailMessage(text);
    return m ? t(m.key, m.vars) : text;
  };
  const quarantined = report.checks.filter((c) => c.severity === 'quarantine' && c.examples.length > 0);
  const section = useRef<HTMLElement>(null);
  // The report opens below the batch list, off screen on a phone: bring it up, or the tap seems to do nothing.
  // A layout effect scrolls in the same commit that shows the report, before it is painted where it cannot be seen.
  useLayoutEffect(() => {
    section.current?.scrollIntoView?.({ block: 'start' });
  }, [report.batchId]);
  return (
    <section ref={section} className="card" aria-labelledby="report-title" data-testid="validation-report">
      {/* Named by its file, as the batch list names it (the batch id, a code, is its tooltip). */}
      <h2 id="report-title">
        {t('data.reportTitle', { batch: '' })}
        <span translate="no" title={report.batchId}>
          {report.file ? baseName(report.file) : report.batchId}
        </span>
      </h2>
      <p>
        <span className={`status ${report.outcome}`}>
          {tOr(`data.outcome.${report.outcome}`, report.outcome)}
        </span>
      </p>
      <p>
        {t('data.summary', {
          read: num(report.rows.read),
          accepted: num(report.rows.accepted),
          quarantined: num(report.rows.quarantined),
        })}
      </p>
      {report.outcome === 'rejected' ? <RefusalReasons report={report} /> : null}
      {/* A file refused before its rows were checked has no checks to show, nor quarantined rows. */}
      {report.checks.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="table compact cards" data-testid="checks">
              <caption>{t('data.checks')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('data.check')}</th>
                  <th scope="col">{t('data.severity')}</th>
                  <th scope="col">{t('data.count')}</th>
                  <th scope="col">{t('data.policy')}</th>
                </tr>
              </thead>
              <tbody>
                {report.checks.map((c) => (
                  <tr key={c.id}>
                    <td data-label={t('data.check')}>{tOr(`data.check.${c.id}`, c.description)}</td>
                    <td data-label={t('data.severity')}>
                      <span className={`badge sev-${c.severity}`}>{t(`data.severity.${c.severity}`)}</span>
                    </td>
                    <td data-label={t('data.count')}>{num(c.count)}</td>
                    <td data-label={t('data.policy')}>{tOr(`data.policy.${c.id}`, c.policy)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('data.quarantineTitle')}</h3>
          {quarantined.length === 0 ? (
            <p className="muted">{t('data.noQuarantine')}</p>
          ) : (
            quarantined.map((c) => {
              const columns = [...new Set(c.examples.flatMap((e) => Object.keys(e.record)))];
              return (
                <div className="table-wrap" key={c.id}>
                  <table className="table compact">
                    <caption>
                      {tOr(`data.check.${c.id}`, c.description)} ({num(c.count)})
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('data.row')}</th>
                        {/* The file's own column name under the words, to find the value in the file. */}
                        {columns.map((col) => {
                          const word = tOr(`data.column.${col}`, col);
                          return word === col ? (
                            <th scope="col" key={col} translate="no">
                              {col}
                            </th>
                          ) : (
                            <th scope="col" key={col}>
                              {word}
                              <span className="muted column-name" translate="no">
                                {col}
                              </span>
                            </th>
                          );
                        })}
                        <th scope="col">{t('data.detail')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.examples.map((e) => (
                        <tr key={e.row}>
                          <td>{e.row}</td>
                          {columns.map((col) => (
                            <td key={col}>{cellText(e.record[col], locale)}</td>
                          ))}
                          <td>{detail(e.detail)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })
          )}
        </>
      ) : null}
    </section>
  );
}
