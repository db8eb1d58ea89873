import type { MessageKey } from '../../i18n/dictionary.ts';

/** A row detail of a validation check, as a message key and its values. */
export interface DetailMessage {
  readonly key: MessageKey;
  readonly vars: Readonly<Record<string, string>>;
}

// The server writes each check's row detail from a fixed template (data/ingest/row-checks.ts); these
// read them back so the detail can be said in the reader's language.
const PATTERNS: readonly [RegExp, MessageKey, readonly string[]][] = [
  [/^copy of row (\d+)$/, 'data.detail.copyOf', ['row']],
  [/^same id as row (\d+)$/, 'data.detail.sameId', ['row']],
  [/^(\w+) (.+) unknown$/, 'data.detail.unknown', ['column', 'value']],
  [/^(.+) is null$/, 'data.detail.isNull', ['columns']],
  [/^order (.+) has (\d+) customers$/, 'data.detail.orderCustomers', ['order', 'n']],
  [/^items (\S+) > bound (\S+)$/, 'data.detail.aboveBound', ['items', 'bound']],
  [/^purchase_date (\S+) > (\S+)$/, 'data.detail.afterAsOf', ['date', 'asOf']],
  [
    /^purchase_date (\S+) is in batch (\S+), already ingested; the batch is (\S+)…(\S+)$/,
    'data.detail.strayInBatch',
    ['date', 'batch', 'from', 'to'],
  ],
  [
    /^purchase_date (\S+) is apart from the batch \((\S+)…(\S+)\), with ingested dates between$/,
    'data.detail.strayApart',
    ['date', 'from', 'to'],
  ],
];

/**
 * The message for a check's row detail, or null when it is a plain `column = value` (no words to
 * translate) or a template this UI does not know.
 *
 * @example
 * detailMessage('copy of row 5'); // { key: 'data.detail.copyOf', vars: { row: '5' } }
 * detailMessage('items = -0.33'); // null
 */
export function detailMessage(detail: string): DetailMessage | null {
  for (const [pattern, key, names] of PATTERNS) {
    const match = pattern.exec(detail);
    if (match) return { key, vars: Object.fromEntries(names.map((n, i) => [n, match[i + 1] ?? ''])) };
  }
  return null;
}
