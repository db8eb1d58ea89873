import { useI18n } from '../../i18n/i18n-context.tsx';

/** A row of the ingestion log (GET /api/ingestions). */
export interface Ingestion {
  readonly batchId: string;
  readonly table: string;
  /** Where the batch was read from (the landing folder for weekly batches). */
  readonly file?: string;
  readonly outcome: string;
  readonly rowsRead: number | null;
  readonly rowsAccepted: number | null;
  readonly rowsQuarantined: number | null;
  readonly dateMin: string | null;
  readonly dateMax: string | null;
  readonly startedAt: string;
}

/** The ingestion log, newest first; each batch opens its validation report. */
export function IngestionsTable({
  rows,
  selected,
  onSelect,
}: {
  rows: readonly Ingestion[];
  selected: string | null;
  onSelect(batchId: string): void;
}) {
  const { t, tOr, num } = useI18n();
  const n = (v: number | null) => (v === null ? '—' : num(v));
  return (
    <div className="table-wrap">
      <table className="table" data-testid="ingestions">
        <caption>{t('data.batchesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data.batch')}</th>
            <th scope="col">{t('data.table')}</th>
            <th scope="col">{t('data.dates')}</th>
            <th scope="col">{t('data.outcome')}</th>
            <th scope="col">{t('data.read')}</th>
            <th scope="col">{t('data.accepted')}</th>
            <th scope="col">{t('data.quarantined')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.batchId} className={r.batchId === selected ? 'selected' : ''}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={r.batchId === selected}
                  onClick={() => onSelect(r.batchId)}
                  translate="no"
                >
                  {r.batchId}
                </button>
              </td>
              <td>{tOr(`data.tableName.${r.table}`, r.table)}</td>
              <td>{r.dateMin ? `${r.dateMin} … ${r.dateMax ?? ''}` : '—'}</td>
              <td>
                <span className={`status ${r.outcome}`}>{tOr(`data.outcome.${r.outcome}`, r.outcome)}</span>
              </td>
              <td>{n(r.rowsRead)}</td>
              <td>{n(r.rowsAccepted)}</td>
              <td>{n(r.rowsQuarantined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
