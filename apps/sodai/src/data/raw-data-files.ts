import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RawTableName } from '../contract/index.ts';
import { SodaiError } from '../errors.ts';

/** Files of the initial load, by table; a table left out is not loaded. */
export interface InitialLoadFiles {
  readonly customers?: string;
  readonly products?: string;
  readonly transactions?: string;
}

/** The distributor's file names, as delivered (`clientes.parquet`, …). */
const RAW_FILE_STEMS: Record<RawTableName, string> = {
  customers: 'clientes',
  products: 'productos',
  transactions: 'transacciones',
};

/** The three Parquet files of a raw-data folder as the generator and `split-weeks --history` write it. */
export function rawDataFiles(dir: string): Required<InitialLoadFiles> {
  const at = (table: RawTableName) => path.join(dir, `${RAW_FILE_STEMS[table]}.parquet`);
  return { customers: at('customers'), products: at('products'), transactions: at('transactions') };
}

/**
 * The raw files a folder holds (Parquet first, else CSV), for `sodai data load DIR`. A folder that
 * holds none of them is an error naming what was looked for, not a silent empty load.
 */
export function findRawDataFiles(dir: string): InitialLoadFiles {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats) throw new SodaiError('FILE_NOT_FOUND', `${dir}: no such folder`);
  if (!stats.isDirectory()) throw new SodaiError('INVALID_ARGUMENT', `${dir}: not a folder`);
  const found: { -readonly [T in RawTableName]?: string } = {};
  for (const [table, stem] of Object.entries(RAW_FILE_STEMS) as [RawTableName, string][]) {
    const file = ['parquet', 'csv'].map((ext) => path.join(dir, `${stem}.${ext}`)).find((f) => existsSync(f));
    if (file) found[table] = file;
  }
  if (Object.keys(found).length === 0) {
    const names = Object.values(RAW_FILE_STEMS).map((s) => `${s}.parquet`);
    throw new SodaiError('FILE_NOT_FOUND', `${dir}: none of ${names.join(', ')} (or .csv) in this folder`);
  }
  return found;
}
