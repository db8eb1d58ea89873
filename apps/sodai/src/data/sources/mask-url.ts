/**
 * A connection URL fit for logs and reports: the password (and any `password`/`secret`/`token`
 * query parameter) is replaced by `***`. Text that is not a URL comes back unchanged.
 *
 * @example
 * maskUrl('postgres://etl:hunter2@db:5432/sales'); // 'postgres://etl:***@db:5432/sales'
 */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.password !== '') url.password = '***';
  for (const name of [...url.searchParams.keys()]) {
    if (/pass|secret|token|key/i.test(name)) url.searchParams.set(name, '***');
  }
  return url.toString();
}
