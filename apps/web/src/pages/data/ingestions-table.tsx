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

/** The last part of a path or an s3:// key: the server may name where the file was read from in full. */
const fileName = (file: string) => file.split(/[\\/]/).pop() || file;

/**
 * The ingestion log, newest first; each batch, named by its file, opens its validation report. On a
 * phone each row is a small card, so the outcome and the counts are not off screen.
 */
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
      <table className="table cards" data-testid="ingestions">
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
              <td data-label={t('data.batch')}>
                {/* The file is what whoever sent the batch knows it by; the id (in the report's title
                    and the CLI) stays in the tooltip. */}
                <button
                  type="button"
                  className="link"
                  aria-pressed={r.batchId === selected}
                  onClick={() => onSelect(r.batchId)}
                  title={r.batchId}
                  translate="no"
                >
                  {r.file ? fileName(r.file) : r.batchId}
                </button>
              </td>
              <td data-label={t('data.table')}>{tOr(`data.tableName.${r.table}`, r.table)}</td>
              <td data-label={t('data.dates')}>{r.dateMin ? `${r.dateMin} … ${r.dateMax ?? ''}` : '—'}</td>
              <td data-label={t('data.outcome')}>
                <span className={`status ${r.outcome}`}>{tOr(`data.outcome.${r.outcome}`, r.outcome)}</span>
              </td>
              <td data-label={t('data.read')}>{n(r.rowsRead)}</td>
              <td data-label={t('data.accepted')}>{n(r.rowsAccepted)}</td>
              <td data-label={t('data.quarantined')}>{n(r.rowsQuarantined)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
