import type { DagJson } from './dag.ts';
import type { TriggerRule } from './trigger-rules.ts';

export interface AirflowExportOptions {
  /**
   * The command that runs one task of one run, as argv words; the task id, `--run-id <Airflow's
   * run_id>` and `--retries 0` (Airflow retries) are appended. E.g. `['sodai', 'task', 'run', 'weekly']`.
   */
  readonly command: readonly string[];
  /** Airflow's dag_id (default: the DAG's id). */
  readonly dagId?: string;
  /** Airflow's start_date, YYYY-MM-DD (default 2024-01-01); runs before it are never created. */
  readonly startDate?: string;
}

const AIRFLOW_RULE: Record<TriggerRule, string> = {
  all_success: 'ALL_SUCCESS',
  all_done: 'ALL_DONE',
  one_success: 'ONE_SUCCESS',
  none_failed_min_one_success: 'NONE_FAILED_MIN_ONE_SUCCESS',
};

/** A Python string literal (JSON's escaping is valid Python for these strings). */
const py = (value: string): string => JSON.stringify(value);
/** A valid Python identifier for a task variable. */
const variable = (taskId: string): string => `t_${taskId.replace(/[^A-Za-z0-9_]/g, '_')}`;

/**
 * Writes an Airflow DAG file (Python) that schedules a pipeline's tasks in Airflow: one operator per
 * task with the same dependencies, trigger rules, retries, retry delay, timeout and schedule. Plain
 * tasks are `BashOperator`s running `command <task> --run-id '{{ run_id }}' --retries 0`; branch tasks
 * are `BranchPythonOperator`s that run the same command with `--json` and return the task ids it chose.
 * Outputs pass between tasks through the pipeline's own run store, as they do in SodAI.
 *
 * @example
 * writeFileSync('sodai_weekly.py', toAirflowDag(dag.toJSON(), { command: ['sodai', 'task', 'run', 'weekly'] }));
 */
export function toAirflowDag(dag: DagJson, options: AirflowExportOptions): string {
  const [year, month, day] = (options.startDate ?? '2024-01-01').split('-').map(Number);
  const lines: string[] = [
    `"""${dag.description ?? dag.id}`,
    '',
    `Generated from the SodAI pipeline "${dag.id}". Each task runs ${options.command.join(' ')} <task>;`,
    "outputs pass between tasks through SodAI's run store, so the same configuration (SODAI_CONFIG,",
    'DATABASE_URL, ...) must reach every Airflow worker. Regenerate this file rather than edit it.',
    '"""',
    'import json',
    'import subprocess',
    'from datetime import datetime, timedelta',
    '',
    'from airflow import DAG',
    'from airflow.operators.bash import BashOperator',
    'from airflow.operators.python import BranchPythonOperator',
    'from airflow.utils.trigger_rule import TriggerRule',
    '',
    `COMMAND = [${options.command.map(py).join(', ')}]`,
    '',
    '',
    'def run_branch(task, run_id):',
    '    """Runs a SodAI branch task and returns the downstream task ids it chose."""',
    '    done = subprocess.run(',
    '        COMMAND + [task, "--run-id", run_id, "--retries", "0", "--json"],',
    '        check=True, capture_output=True, text=True,',
    '    )',
    '    return json.loads(done.stdout.strip().splitlines()[-1])["branch"]',
    '',
    '',
    'with DAG(',
    `    dag_id=${py(options.dagId ?? dag.id)},`,
    `    schedule=${dag.schedule === null ? 'None' : py(dag.schedule)},`,
    `    start_date=datetime(${year}, ${month}, ${day}),`,
    '    catchup=False,',
    `    max_active_runs=${dag.maxActiveRuns},`,
    `    description=${py(dag.description ?? '')},`,
    '    tags=["sodai"],',
    ') as dag:',
  ];
  const shellCommand = options.command.map((w) =>
    /^[\w./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`,
  );
  for (const node of dag.nodes) {
    const common = [
      `task_id=${py(node.id)}`,
      `trigger_rule=TriggerRule.${AIRFLOW_RULE[node.triggerRule as TriggerRule] ?? 'ALL_SUCCESS'}`,
      `retries=${node.retries}`,
      ...(node.retryDelayMs !== undefined
        ? [`retry_delay=timedelta(milliseconds=${node.retryDelayMs})`]
        : []),
      ...(node.timeoutMs ? [`execution_timeout=timedelta(milliseconds=${node.timeoutMs})`] : []),
    ];
    if (node.kind === 'branch') {
      lines.push(
        `    ${variable(node.id)} = BranchPythonOperator(`,
        ...common.map((c) => `        ${c},`),
        '        python_callable=run_branch,',
        `        op_kwargs={"task": ${py(node.id)}, "run_id": "{{ run_id }}"},`,
        '    )',
      );
    } else {
      const bash = `${shellCommand.join(' ')} ${node.id} --run-id '{{ run_id }}' --retries 0`;
      lines.push(
        `    ${variable(node.id)} = BashOperator(`,
        ...common.map((c) => `        ${c},`),
        `        bash_command=${py(bash)},`,
        '    )',
      );
    }
  }
  lines.push('');
  for (const edge of dag.edges) lines.push(`    ${variable(edge.from)} >> ${variable(edge.to)}`);
  return `${lines.join('\n')}\n`;
}
