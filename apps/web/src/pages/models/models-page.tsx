import { useApp } from '../../app/app-context.tsx';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { WebError } from '../../errors.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { AliasActions } from './alias-actions.tsx';
import { AliasTimeline } from './alias-timeline.tsx';
import { VersionsTable } from './versions-table.tsx';

const CHAMPION = 'champion';

const isNoModel = (error: unknown) => error instanceof WebError && error.serverCode === 'MODEL_NOT_FOUND';

/** Models: registered versions, the champion's history, promote and roll back. */
export default function ModelsPage() {
  const { t } = useI18n();
  const { api } = useApp();
  const model = useAsync(() => api.model(), [api]);
  const history = useAsync(() => api.aliasHistory(CHAMPION), [api]);
  // Each version's stored gate decision, by version, read once per set of versions (not on every
  // reload); a version whose decision cannot be read shows none.
  const versions = model.status === 'done' ? model.value.versions : null;
  const versionsKey = versions?.map((v) => `${v.version}:${v.runId}`).join(',') ?? '';
  const gates = useAsync(async () => {
    const entries = await Promise.all(
      (versions ?? []).map(
        async (v) => [v.version, await api.gateDecision(v.runId).catch(() => null)] as const,
      ),
    );
    return new Map(entries);
  }, [api, versionsKey]);
  const refresh = () => {
    model.reload();
    history.reload();
  };
  // Before the first training there is no model to list: a first day, not a failure.
  if (model.status === 'failed' && isNoModel(model.error)) {
    return (
      <>
        <PageIntro title={t('models.title')} explanation={t('models.explain')} />
        <p className="card muted" data-testid="no-model">
          {t('models.noneYet')} <a href="#/pipeline">{t('models.toPipeline')}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <PageIntro title={t('models.title')} explanation={t('models.explain')} />
      <AsyncView state={model}>
        {(m) => {
          const champion = m.aliases.find((a) => a.alias === CHAMPION)?.version ?? null;
          return (
            <>
              <p className="lead" data-testid="champion">
                {champion === null ? t('models.noChampion') : t('models.champion', { version: champion })}
              </p>
              <section className="card">
                <VersionsTable
                  versions={m.versions}
                  aliases={m.aliases}
                  gates={gates.status === 'done' ? gates.value : null}
                />
              </section>
              <AliasActions
                versions={m.versions}
                championVersion={champion}
                canRollBack={history.status === 'done' && history.value.length > 1}
                onMoved={refresh}
              />
            </>
          );
        }}
      </AsyncView>
      {/* Both reads refused (nobody signed in, the server down): the note above already says why. */}
      {model.status === 'failed' && history.status === 'failed' ? null : (
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('models.historyTitle')}</h2>
          <AsyncView state={history}>{(h) => <AliasTimeline entries={h} />}</AsyncView>
        </section>
      )}
    </>
  );
}
