// Module customization hooks (node:module register) for module-graph.ts: records every ESM
// resolution as "parent<TAB>child" in the file named by `data.out`. It writes synchronously so the
// record is complete before the import that caused it settles in the main thread.
import { appendFileSync } from 'node:fs';

let out;

export function initialize(data) {
  out = data.out;
}

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(out, `${context.parentURL ?? ''}\t${result.url}\n`);
  return result;
}
