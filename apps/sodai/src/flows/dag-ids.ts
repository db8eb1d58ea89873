/** The app's DAG ids, apart from the DAGs so that what only names them (the CLI) loads no task code. */
export const WEEKLY_DAG_ID = 'weekly';
export const MAINTENANCE_DAG_ID = 'maintenance';
