export {
  runsList,
  findRuns,
  formatRunsList,
  runsShow,
  runsCompare,
  formatRunDetails,
  formatRunsComparison,
  type RunsListOptions,
} from './runs-commands.ts';
export {
  modelsList,
  modelsShow,
  modelsPromote,
  modelsRollback,
  formatHistory,
  type PromoteOptions,
  type RollbackOptions,
} from './models-commands.ts';
export { formatTable, formatTime, formatDuration, formatNumber } from './table.ts';
