import type { TaskState } from '../../api/pipeline-types.ts';

/** Fill and text colour of each task state (colour-blind-safe pairs, with the state also in words). */
export const TASK_COLORS: Readonly<Record<TaskState | 'none', { bg: string; fg: string }>> = {
  none: { bg: '#f0f3f7', fg: '#1c2430' },
  pending: { bg: '#e4e7ec', fg: '#1c2430' },
  running: { bg: '#0b5fa5', fg: '#ffffff' },
  up_for_retry: { bg: '#f0a500', fg: '#1c2430' },
  success: { bg: '#1b7f4b', fg: '#ffffff' },
  failed: { bg: '#b3261e', fg: '#ffffff' },
  skipped: { bg: '#c9ced6', fg: '#1c2430' },
  upstream_failed: { bg: '#f3b8b3', fg: '#5a1410' },
};
