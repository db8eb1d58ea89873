import { useState } from 'react';
import type { IngestReport } from '../../api/report-types.ts';
import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { IngestionsTable, type Ingestion } from './ingestions-table.tsx';
import { ValidationReport } from './validation-report.tsx';

/** Data: the ingested batches, each batch's validation report and its quarantined rows. */
export default function DataPage() {
  const { t } = useI18n();
  const { api } = useApp();
  const log = useAsync(async () => (await api.ingestions(200)) as unknown as Ingestion[], [api]);
  const [selected, setSelected] = useState<string | null>(null);
  const report = useAsync(
    async () => (selected === null ? null : ((await api.report('ingest', selected)) as IngestReport)),
    [api, selected],
  );
  return (
    <>
      <PageIntro title={t('data.title')} explanation={t('data.explain')} />
      <section className="card">
        <AsyncView state={log}>
          {(rows) =>
            rows.length === 0 ? (
              <p className="muted">{t('data.none')}</p>
            ) : (
              <IngestionsTable rows={rows} selected={selected} onSelect={setSelected} />
            )
          }
        </AsyncView>
      </section>
      {selected === null ? (
        <p className="muted">{t('data.pick')}</p>
      ) : (
        <AsyncView state={report}>{(r) => (r ? <ValidationReport report={r} /> : null)}</AsyncView>
      )}
    </>
  );
}
