import type { z } from 'zod';
import { col, defineTable } from './table-contract.ts';

export const CUSTOMER_TYPES = [
  'ABARROTES',
  'MAYORISTA',
  'CANAL FRIO',
  'RESTAURANT',
  'SUPERMERCADO',
  'MINIMARKET',
  'TIENDA DE CONVENIENCIA',
] as const;
export const CATEGORIES = ['BEBIDAS CARBONATADAS', 'BEBIDAS NO CARBONATADAS'] as const;
export const SUB_CATEGORIES = ['GASEOSAS', 'AGUAS SABORIZADAS', 'JUGOS'] as const;
export const SEGMENTS = ['PREMIUM', 'HIGH', 'MEDIUM', 'LOW'] as const;
export const PACKAGES = ['BOTELLA', 'LATA', 'TETRA', 'KEG'] as const;

/** pandas leaves its index in files it writes; it is never data. */
const PANDAS_INDEX = '__index_level_0__';

export const customersTable = defineTable(
  'customers',
  {
    customer_id: col.id('customer identifier'),
    region_id: col.int('sales region'),
    zone_id: col.int('sales zone'),
    customer_type: col.category('kind of shop', CUSTOMER_TYPES),
    Y: col.double('obfuscated latitude'),
    X: col.double('obfuscated longitude'),
    num_deliver_per_week: col.int('deliveries per week'),
    num_visit_per_week: col.int('sales visits per week'),
  },
  { ignoredColumns: [PANDAS_INDEX] },
);

export const productsTable = defineTable(
  'products',
  {
    product_id: col.id('product identifier'),
    brand: col.category('brand', []),
    category: col.category('category', CATEGORIES),
    sub_category: col.category('sub-category', SUB_CATEGORIES),
    segment: col.category('price segment', SEGMENTS),
    package: col.category('package', PACKAGES),
    size: col.double('size in litres'),
  },
  { ignoredColumns: [PANDAS_INDEX] },
);

export const transactionsTable = defineTable(
  'transactions',
  {
    customer_id: col.id('who bought'),
    product_id: col.id('what was bought'),
    order_id: col.id('the order the line belongs to; an order belongs to one customer'),
    purchase_date: col.date('day of purchase (a timestamp or date; the time of day is ignored)'),
    items: col.quantity('quantity; negative lines are returns'),
  },
  { ignoredColumns: [PANDAS_INDEX] },
);

export const RAW_TABLES = {
  customers: customersTable,
  products: productsTable,
  transactions: transactionsTable,
};
export type RawTableName = keyof typeof RAW_TABLES;

export type CustomerRow = z.infer<typeof customersTable.rowSchema>;
export type ProductRow = z.infer<typeof productsTable.rowSchema>;
export type TransactionRow = z.infer<typeof transactionsTable.rowSchema>;
export type RawTable = (typeof RAW_TABLES)[RawTableName];
