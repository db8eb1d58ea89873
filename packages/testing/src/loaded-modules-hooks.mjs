// Module customization hooks (node:module register) for loaded-modules.ts: appends every URL the ESM
// loader resolves to the file named by `data.out`, one a line. It writes synchronously so the record is
// complete before the import that caused it settles in the main thread.
import { appendFileSync } from 'node:fs';

let out;

export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(out, `${result.url}\n`);
  return result;
}
