// Worker threads do not inherit a TypeScript loader under every runner (vitest, plain node), so
// this plain-JS entry loads the TypeScript worker, registering tsx only when nothing in this
// thread can already load `.ts` (tsx inherited through execArgv, or Node's own type stripping).
try {
  await import('./worker-train.ts');
} catch (err) {
  if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
  const { register } = await import('tsx/esm/api');
  register();
  // A fresh URL: the failed attempt may stay cached under the plain one.
  await import('./worker-train.ts?loader=tsx');
}
