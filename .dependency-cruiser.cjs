// The import rules of the repository, checked by `npm run check` (see CONTRIBUTING.md for the map).
// Arrows point down: cli → serve → scoring | chat | monitor → model | features | store → contract | config,
// and cli → flows → jobs → model | features | data | store. Packages never import apps.
const APP = '^apps/sodai/src/';
const layer = (names) => `${APP}(${names.join('|')})/`;

/** Modules that exist to train or judge a model: serving, chat and monitoring never load them. */
const TRAINING = [
  `${APP}(jobs|flows)/`,
  `${APP}model/(xgb-search|evaluation|bootstrap|champion-gate|retrain-policy|calibration|fit-model)`,
  '^packages/tune/',
];

/** For each app folder, the folders above it or beside it that it must not import. */
const FORBIDDEN_BY_LAYER = {
  contract: [
    'config',
    'store',
    'data',
    'features',
    'model',
    'jobs',
    'flows',
    'scoring',
    'chat',
    'monitor',
    'serve',
    'cli',
  ],
  config: [
    'store',
    'data',
    'features',
    'model',
    'jobs',
    'flows',
    'scoring',
    'chat',
    'monitor',
    'serve',
    'cli',
  ],
  store: ['data', 'features', 'model', 'jobs', 'flows', 'scoring', 'chat', 'monitor', 'serve', 'cli'],
  data: ['features', 'model', 'jobs', 'flows', 'scoring', 'chat', 'monitor', 'serve', 'cli'],
  features: ['data', 'model', 'jobs', 'flows', 'scoring', 'chat', 'monitor', 'serve', 'cli'],
  model: ['data', 'jobs', 'flows', 'scoring', 'chat', 'monitor', 'serve', 'cli'],
  jobs: ['flows', 'scoring', 'chat', 'monitor', 'serve', 'cli'],
  flows: ['scoring', 'chat', 'monitor', 'serve', 'cli'],
  scoring: ['data', 'jobs', 'flows', 'chat', 'monitor', 'serve', 'cli'],
  monitor: ['data', 'jobs', 'flows', 'chat', 'serve', 'cli'],
  chat: ['data', 'jobs', 'flows', 'serve', 'cli'],
  serve: ['jobs', 'flows', 'cli'],
};

module.exports = {
  forbidden: [
    ...Object.entries(FORBIDDEN_BY_LAYER).map(([from, to]) => ({
      name: `${from}-imports-down-only`,
      comment: `apps/sodai/src/${from}/ may not import ${to.join(', ')} (arrows point down; see CONTRIBUTING.md)`,
      severity: 'error',
      from: { path: layer([from]) },
      to: { path: layer(to) },
    })),
    {
      name: 'serving-never-loads-training',
      comment:
        'scoring/, serve/, chat/ and monitor/ never import a training module (jobs, flows, search, evaluation, gate, tune)',
      severity: 'error',
      from: { path: layer(['scoring', 'serve', 'chat', 'monitor']) },
      to: { path: TRAINING },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-relative-cross-workspace-imports',
      comment: 'import another workspace by its package name and entry point, never by a relative path',
      severity: 'error',
      from: { path: '^(apps|packages)/([^/]+)/' },
      to: { path: '^(apps|packages)/', pathNot: '^$1/$2/', dependencyTypes: ['local'] },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'a runtime import cycle (type-only imports do not count)',
      severity: 'error',
      from: { path: '^(apps|packages)/[^/]+/src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.sodai)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@sodai/source', 'import', 'types', 'default'],
    },
  },
};
