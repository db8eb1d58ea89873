import type { TaskInstance } from '../../api/pipeline-types.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { taskStateKey } from './state-keys.ts';

/** The run's tasks in a table (the keyboard path to a task's logs), with state, tries and time. */
export function TaskList({
  tasks,
  selected,
  onSelect,
}: {
  tasks: readonly TaskInstance[];
  selected: string | null;
  onSelect(id: string): void;
}) {
  const { t, tOr, num } = useI18n();
  const seconds = (x: TaskInstance) =>
    x.started_at && x.finished_at
      ? num((Date.parse(x.finished_at) - Date.parse(x.started_at)) / 1000, 1)
      : '—';
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid="tasks">
        <caption>{t('pipeline.tasksCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pipeline.task')}</th>
            <th scope="col">{t('pipeline.state')}</th>
            <th scope="col">{t('pipeline.tries')}</th>
            <th scope="col">{t('pipeline.seconds')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((x) => (
            <tr key={x.task_id} className={x.task_id === selected ? 'selected' : ''}>
              <td>
                <button
                  type="button"
                  className="link"
                  aria-pressed={x.task_id === selected}
                  onClick={() => onSelect(x.task_id)}
                >
                  {tOr(`pipeline.taskName.${x.task_id}`, x.task_id)}
                </button>
              </td>
              <td>
                <span className={`task-state state-${x.state}`}>{t(taskStateKey(x.state))}</span>
              </td>
              <td>{x.attempt}</td>
              <td>{seconds(x)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
