/** Rows per INSERT: keeps each statement well under SQLite's and Postgres's bound-parameter limits. */
export const INSERT_CHUNK_ROWS = 1000;

/** `items` in consecutive slices of at most `size`. */
export function* chunks<T>(items: readonly T[], size = INSERT_CHUNK_ROWS): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
