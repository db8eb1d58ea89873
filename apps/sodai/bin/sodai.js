#!/usr/bin/env node
// Production runs the compiled CLI (dist/, built by `npm run build`) with no TypeScript loader.
// Sources run instead when asked for (NODE_OPTIONS=--conditions=@sodai/source, as the tests do) or
// when nothing is built yet (a fresh clone): then tsx loads them, a dev-only dependency.
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';

const SOURCE_CONDITION = '@sodai/source';
const entry = import.meta.resolve('@sodai/app/cli');

if (entry.endsWith('.ts')) {
  await runSources(entry);
} else if (existsSync(fileURLToPath(entry))) {
  await import(entry);
} else {
  process.stderr.write(
    'sodai: not built (no apps/sodai/dist); running the sources. `npm run build` compiles them.\n',
  );
  // Other workspaces must resolve to their sources too, so the condition is added for every import.
  const addCondition = `export async function resolve(specifier, context, next) {
    return next(specifier, { ...context, conditions: [...context.conditions, ${JSON.stringify(SOURCE_CONDITION)}] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(addCondition)}`);
  await runSources(new URL('../src/cli/main.ts', import.meta.url).href);
}

async function runSources(url) {
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  await import(url);
}
