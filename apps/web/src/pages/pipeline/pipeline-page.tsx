import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp } from '../../app/app-context.tsx';
import { usePermit } from '../../app/use-permit.ts';
import { isAlertsOnly } from '../../app/use-session.ts';
import { useAsync } from '../../app/use-async.ts';
import { AsyncView } from '../../components/async-view.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageIntro } from '../../components/page-intro.tsx';
import { PermitNote } from '../../components/permit-note.tsx';
import { SignInNeeded } from '../../components/sign-in-needed.tsx';
import type { Dag } from '../../api/pipeline-types.ts';
import { WebError } from '../../errors.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { decisionText } from './decision-text.ts';
import { TaskList } from './task-list.tsx';
import { runStateKey } from './state-keys.ts';
import { TriggerForm } from './trigger-form.tsx';

const DagGraph = lazy(() => import('./dag-graph.tsx'));

/** How often runs are re-read while the page is open (a run's tasks change state within seconds). */
const POLL_MS = 1500;

/**
 * How often a DAG runs: in words when the server says it is every hour, day, week or month (it reads
 * the schedule with croner), else the cron as written. The "next scheduled run" line gives the exact
 * time, in the reader's own time zone.
 */
function ScheduleBadge({ schedule, every }: { schedule: string; every: Dag['every'] }) {
  const { t } = useI18n();
  return every ? (
    <span className="badge">{t(`pipeline.every.${every}`)}</span>
  ) : (
    <code className="badge" translate="no">
      {schedule}
    </code>
  );
}

/** Pipeline: each DAG with "run now", the runs of all of them, a run as a graph with task states, task logs. */
export default function PipelinePage() {
  const i18n = useI18n();
  const { t, tOr, dateTime } = i18n;
  const { api, token, me } = useApp();
  const run = usePermit('run');
  const dags = useAsync(() => api.dags(), [api]);
  const runs = useAsync(() => api.pipelineRuns(30), [api]);
  const [runId, setRunId] = useState<string | null>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  const latest = runs.status === 'done' ? (runs.value[0]?.id ?? null) : null;
  const shownRun = runId ?? latest;
  const detail = useAsync(async () => (shownRun ? api.pipelineRun(shownRun) : null), [api, shownRun]);
  const logs = useAsync(
    async () => (shownRun && taskId ? api.taskLogs(shownRun, taskId) : null),
    [api, shownRun, taskId],
  );
  const { reload: reloadRuns } = runs;
  const { reload: reloadDetail } = detail;
  const { reload: reloadLogs } = logs;
  useEffect(() => {
    const timer = setInterval(() => {
      reloadRuns();
      reloadDetail();
      reloadLogs();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reloadRuns, reloadDetail, reloadLogs]);
  const date = (iso: string | null) => (iso ? dateTime(iso) : '—');
  const selectedTask =
    detail.status === 'done' ? detail.value?.tasks.find((x) => x.task_id === taskId) : undefined;
  // The log is English; what a deciding task decided is also said here, in the page's language.
  const decision = selectedTask ? decisionText(selectedTask, i18n) : undefined;

  // Without a token, or with the alerts-only one, a refusal means the server shows the pipeline to
  // readers and up only: one note says so, rather than each section's error naming a role the
  // visitor never chose.
  const alertsOnly = isAlertsOnly(me);
  const hidden =
    (!token || alertsOnly) &&
    dags.status === 'failed' &&
    dags.error instanceof WebError &&
    dags.error.code === 'UNAUTHORIZED';
  if (hidden) {
    return (
      <>
        <PageIntro title={t('pipeline.title')} explanation={t('pipeline.explain')} />
        <SignInNeeded message={t(alertsOnly ? 'pipeline.alertsOnlyCannotSee' : 'pipeline.signInToSee')} />
      </>
    );
  }
  return (
    <>
      <PageIntro title={t('pipeline.title')} explanation={t('pipeline.explain')} />
      {/* Said once the server answered, so a visitor never reads "you can follow it" before "you cannot". */}
      {dags.status !== 'loading' ? <PermitNote permit={run} /> : null}
      <AsyncView state={dags}>
        {(list) =>
          list.length === 0 ? (
            <p className="card muted">{t('pipeline.noDag')}</p>
          ) : (
            list.map((dag) => (
              <section className="card" key={dag.id} data-testid={`dag-${dag.id}`}>
                <div className="row-between">
                  <h2>
                    {tOr(`pipeline.dag.${dag.id}.name`, dag.id)}
                    {dag.schedule ? <ScheduleBadge schedule={dag.schedule} every={dag.every} /> : null}
                  </h2>
                  <p data-testid="next-run">
                    {dag.next_run_at
                      ? t('pipeline.nextRun', { at: date(dag.next_run_at) })
                      : t('pipeline.noSchedule')}
                  </p>
                </div>
                {dag.description ? (
                  <p className="muted">{tOr(`pipeline.dag.${dag.id}.description`, dag.description)}</p>
                ) : null}
                <TriggerForm
                  dagId={dag.id}
                  trains={dag.nodes.some((n) => n.id === 'train')}
                  mayRun={run.allowed}
                  whyNotId={run.noteId}
                  onStarted={(id) => {
                    setRunId(id);
                    setTaskId(null);
                    reloadRuns();
                  }}
                />
              </section>
            ))
          )
        }
      </AsyncView>
      <div className="grid-2 wide-right">
        <section className="card">
          <h2>{t('pipeline.runs')}</h2>
          <AsyncView state={runs}>
            {(list) =>
              list.length === 0 ? (
                <p className="muted">{t('pipeline.noRuns')}</p>
              ) : (
                <div className="table-wrap">
                  <table className="table compact" data-testid="pipeline-runs">
                    <thead>
                      <tr>
                        <th scope="col">{t('pipeline.started')}</th>
                        <th scope="col">{t('pipeline.flow')}</th>
                        <th scope="col">{t('pipeline.triggeredBy')}</th>
                        <th scope="col">{t('pipeline.state')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {list.map((r) => (
                        <tr key={r.id} className={r.id === shownRun ? 'selected' : ''}>
                          <td>
                            <button
                              type="button"
                              className="link"
                              aria-pressed={r.id === shownRun}
                              onClick={() => {
                                setRunId(r.id);
                                setTaskId(null);
                              }}
                            >
                              {date(r.started_at ?? r.created_at)}
                            </button>
                          </td>
                          <td>{tOr(`pipeline.dag.${r.dag_id}.name`, r.dag_id)}</td>
                          <td>{tOr(`pipeline.trigger.${r.trigger}`, r.trigger)}</td>
                          <td>
                            <span className={`task-state state-${r.state}`} data-run-state={r.state}>
                              {t(runStateKey(r.state))}
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )
            }
          </AsyncView>
        </section>
        <section className="card">
          <AsyncView state={detail}>
            {(d) =>
              d ? (
                <>
                  <h2 data-testid="run-title">
                    {t('pipeline.runTitle', { when: date(d.started_at ?? d.created_at) })} ·{' '}
                    {t(runStateKey(d.state))}
                  </h2>
                  {d.error ? (
                    <p className="error-note" translate="no" lang="en">
                      {d.error}
                    </p>
                  ) : null}
                  <Suspense fallback={<Loading />}>
                    <DagGraph dag={d.dag} tasks={d.tasks} selected={taskId} onSelect={setTaskId} />
                  </Suspense>
                  <TaskList tasks={d.tasks} selected={taskId} onSelect={setTaskId} />
                </>
              ) : (
                <p className="muted">{t('pipeline.noRuns')}</p>
              )
            }
          </AsyncView>
        </section>
      </div>
      {taskId ? (
        <section className="card" aria-labelledby="logs-title">
          <h2 id="logs-title">
            {t('pipeline.logsTitle', { task: tOr(`pipeline.taskName.${taskId}`, taskId) })}
          </h2>
          {decision ? <p data-testid="task-decision">{decision}</p> : null}
          <p className="muted">{t('pipeline.logsNote')}</p>
          <AsyncView state={logs}>
            {(lines) =>
              lines && lines.length > 0 ? (
                <pre className="logs" data-testid="task-logs" tabIndex={0} translate="no" lang="en">
                  {lines.map((l) => `${l.at}  [${l.level}] (${l.attempt})  ${l.message}`).join('\n')}
                </pre>
              ) : (
                <p className="muted">{t('pipeline.noLogs')}</p>
              )
            }
          </AsyncView>
        </section>
      ) : null}
    </>
  );
}
