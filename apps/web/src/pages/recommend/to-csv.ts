/** How a CSV file is written for the spreadsheet that will open it. */
export interface CsvDialect {
  /** `;` where the decimal mark is a comma (Spanish Excel), `,` otherwise. */
  readonly separator: ',' | ';';
  /** A UTF-8 byte-order mark first, so Excel reads accents as UTF-8 instead of the local code page. */
  readonly bom: boolean;
}

/** The dialect a Spanish or English spreadsheet expects. */
export const CSV_DIALECTS = {
  es: { separator: ';', bom: true },
  en: { separator: ',', bom: true },
} as const satisfies Record<string, CsvDialect>;

/**
 * RFC 4180 CSV with a chosen separator: fields holding the separator, a quote or a line break are
 * quoted, quotes doubled; CRLF lines.
 *
 * @example
 * toCsv(['a', 'b'], [[1, 'x;y']], { separator: ';', bom: false }); // 'a;b\r\n1;"x;y"\r\n'
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  dialect: CsvDialect = { separator: ',', bom: false },
): string {
  const sep = dialect.separator;
  const field = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const body = [header, ...rows].map((r) => r.map(field).join(sep)).join('\r\n') + '\r\n';
  return dialect.bom ? `\uFEFF${body}` : body;
}

/** Offers `text` as a file download (the browser's save dialog or downloads folder). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked on the next tick: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
