import type { IngestReport } from '../../api/report-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

/** One batch's checks with their policy, and examples of the quarantined rows. */
export function ValidationReport({ report }: { report: IngestReport }) {
  const { t, num } = useI18n();
  const quarantined = report.checks.filter((c) => c.severity === 'quarantine' && c.examples.length > 0);
  return (
    <section className="card" aria-labelledby="report-title" data-testid="validation-report">
      <h2 id="report-title">{t('data.reportTitle', { batch: report.batchId })}</h2>
      <p>{report.message}</p>
      <div className="table-wrap">
        <table className="table compact">
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
                <td title={c.description}>{c.description}</td>
                <td>
                  <span className={`badge sev-${c.severity}`}>{c.severity}</span>
                </td>
                <td>{num(c.count)}</td>
                <td>{c.policy}</td>
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
                  {c.id} ({num(c.count)})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('data.row')}</th>
                    {columns.map((col) => (
                      <th scope="col" key={col}>
                        {col}
                      </th>
                    ))}
                    <th scope="col">{t('data.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.examples.map((e) => (
                    <tr key={e.row}>
                      <td>{e.row}</td>
                      {columns.map((col) => (
                        <td key={col}>
                          {e.record[col] === null || e.record[col] === undefined
                            ? '—'
                            : String(e.record[col])}
                        </td>
                      ))}
                      <td>{e.detail}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        })
      )}
    </section>
  );
}
