import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TrackingClient } from '@sodai/tracking';
import type { Executor } from '@sodai/pipeline';
import { rejectNulCharacters, trackingPlugin } from '@sodai/tracking/http';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { SodaiConfig } from '../config/config-schema.ts';
import { dataPaths } from '../config/load-config.ts';
import type { RawStore } from '../store/raw-store.ts';
import { DbLane } from '../store/db-lane.ts';
import { errorHandler } from './error-handler.ts';
import { ERROR_STATUS } from '../contract/error-codes.ts';
import { addOpenApiDefaults } from './openapi-defaults.ts';
import { SodaiError } from '../errors.ts';
import { Access } from './access.ts';
import { Readiness, type DependencyProbe } from './readiness.ts';
import { writableFoldersProbe, type WritableFolder } from './writable-folders.ts';
import { LocalObjectStore } from '../store/object-store/local-object-store.ts';
import { configuredSource } from '../data/sources/batch-source.ts';
import { queryNumber } from '../store/duckdb.ts';
import { CostLimiter } from './cost-limiter.ts';
import { NativeMemoryGovernor, registerGovernorMetrics } from './native-memory-governor.ts';
import { TimeSlicer } from './time-slicer.ts';
import {
  ModelHolder,
  registryModelProvider,
  type ModelProvider,
  type ReloadOutcome,
} from '../scoring/model-holder.ts';
import { PredictionLog, type PredictionLogOptions } from '../monitor/prediction-log.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { chatRoutes } from './routes/chat.ts';
import { opsRoutes } from './routes/ops.ts';
import { predictRoutes } from './routes/predict.ts';
import { readApiRoutes } from './routes/read-api.ts';
import { monitorRoutes } from './routes/monitor.ts';
import { usageRoutes } from './routes/usage.ts';
import { requestRoutes } from './routes/requests.ts';
import { recommendRoutes } from './routes/recommend.ts';
import { webUiRoutes } from './routes/web-ui.ts';
import { pipelineReadRoutes, type PipelineAccess } from './routes/pipeline-api.ts';
import type { ServeContext } from './serve-context.ts';
import { ServerMetrics } from '../monitor/server-metrics.ts';
import { UNMATCHED_ROUTE } from '../monitor/route-area.ts';
import type { AlertCenter } from '../monitor/alerts/alert-center.ts';
import { serverAlertTimer } from '../monitor/alerts/server-alert-timer.ts';
import { RequestWindow } from '../monitor/request-window.ts';
import { alertRoutes } from './routes/alerts.ts';
import { dataFolders } from './server-paths.ts';

/** Server settings that are not (yet) part of the configuration file, with their defaults. */
export interface ServeOptions {
  /** How often the champion alias is polled (ms); 0 = only explicit reloads. Default 5000. */
  readonly pollIntervalMs?: number;
  /** Requests per IP and window on public routes; false turns limiting off. Default 6000 per 60 s. */
  readonly rateLimit?: { readonly max: number; readonly timeWindowMs: number } | false;
  /** Origins allowed by CORS; none (the default) means CORS stays closed. */
  readonly corsOrigins?: readonly string[];
  /** Largest JSON body (bytes). Default 64 KiB. */
  readonly bodyLimitBytes?: number;
  /** Largest batch upload (bytes). Default 256 MiB. */
  readonly uploadLimitBytes?: number;
  /** The prediction log's batching, or false for none. */
  readonly predictionLog?: PredictionLogOptions | false;
  /** Fastify's logger option (default: pino at the configured level). */
  readonly logger?: FastifyServerOptions['logger'];
  /** A pino logger to use instead (the CLI's, so serve, scheduler and worker log alike). */
  readonly loggerInstance?: FastifyBaseLogger;
  /** Process metrics (event loop, memory) in /metrics. Default true. */
  readonly defaultMetrics?: boolean;
  /**
   * Collect the JS heap when resident memory grew this much (MB) since the last collection, so the
   * native memory of DuckDB results is freed in time (see `NativeMemoryGovernor`); false for never.
   * Default 128.
   */
  readonly nativeMemoryGrowthMb?: number | false;
  /** Longest stretch (ms) bulk scoring holds the event loop before letting others run. Default 5. */
  readonly scoringSliceMs?: number;
  /**
   * Called when the store, the catalog or the registry has failed every readiness check for this
   * long (ms): the process cannot heal by itself, so `sodai serve` exits and its supervisor restarts
   * it. Default: off (tests, embedders).
   */
  readonly brokenFor?: {
    readonly ms: number;
    readonly checkEveryMs?: number;
    onBroken(reason: string): void;
  };
  /** Base folder for relative config paths (default: the working directory). */
  readonly cwd?: string;
}

export interface ServeDeps {
  readonly config: SodaiConfig;
  readonly store: RawStore;
  readonly tracking: TrackingClient;
  /** Where snapshots come from (default: the registry's champion and the store's latest features). */
  readonly modelProvider?: ModelProvider;
  readonly clock?: () => Date;
  readonly options?: ServeOptions;
  /** Pipeline runs to show (and, with an orchestrator, to start from the admin API). */
  readonly pipeline?: PipelineAccess;
  /** Alert state and channels: enables /api/alerts and the server's health checks. Closed by the caller. */
  readonly alerts?: AlertCenter;
}

/** Handles of a built server, on `app.serving`. */
export interface ServingHandle {
  readonly holder: ModelHolder;
  readonly metrics: ServerMetrics;
  readonly log: PredictionLog | undefined;
  /** The first snapshot load, started by `buildServer` (the server answers 503 until it ends). */
  readonly initialLoad: Promise<ReloadOutcome>;
  /** Rebuilds the snapshot (for the pipeline to call after a promotion or new predictions). */
  reload(): Promise<ReloadOutcome>;
  /** One evaluation of the server's alert rules now (API health, log drops, stale data). */
  checkAlerts(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    serving: ServingHandle;
  }
}

const PUBLIC_PREFIX = '';

/**
 * Routes answered thousands of times a second (and probes, and static files): a log line each
 * would cost a fifth of the throughput and fill disks, so `server.requestLog: cold` (the default)
 * leaves them out; `all` logs them too (SODAI_REQUEST_LOG=all). Failures are logged either way.
 */
const HOT_ROUTES = new Set(['/predict', '/recommend', '/health', '/ready', '/metrics', '/', '/*']);

function isHotRoute(route: string): boolean {
  // Static files get a route each, named by the file.
  return HOT_ROUTES.has(route) || route.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(route);
}

/** What chat, history and catalog questions read most: point lookups by customer or product. */
const MEMORY_COPIED_TABLES = ['customers', 'products', 'transactions'];

/**
 * A server runs for weeks, so its DuckDB hands freed memory back to the system soon after each query
 * instead of keeping up to 128 MiB per thread for the next one (DuckDB's default, made for batch
 * jobs). In 5-minute soaks its anonymous memory went from +23 MB (minute 1 to the end) to -6…+14 MB.
 */
const SERVING_ALLOCATOR_SETTINGS = `SET allocator_flush_threshold = '8MiB'; SET allocator_background_threads = true`;

/**
 * Builds the HTTP server without listening: `app.inject()` in tests, `app.listen()` to serve.
 * Starts loading the champion in the background (`/ready` says when it serves) and polls the alias;
 * `app.close()` stops polling, flushes the prediction log and frees the model (the store and the
 * tracking client stay open: they belong to the caller).
 *
 * Routes: POST /predict, /recommend, /chat (public, rate-limited); GET /health, /ready, /metrics;
 * GET /api/* read APIs and /api/tracking/* (runs, models, alias history); GET /api/auth/me (what the
 * token may do); /api/admin/* and /api/alerts/* behind bearer tokens (`Access`); /docs (OpenAPI
 * from the zod contract).
 *
 * @example
 * const app = await buildServer({ config, store, tracking });
 * await app.serving.initialLoad;
 * const res = await app.inject({ method: 'POST', url: '/predict', payload: { customer_id: 1, product_id: 2 } });
 * await app.close();
 */
export async function buildServer(deps: ServeDeps): Promise<FastifyInstance> {
  const options = deps.options ?? {};
  const now = deps.clock ?? (() => new Date());
  const paths = dataPaths(deps.config, options.cwd);
  const lane = new DbLane(deps.store.connection);
  await lane.run((c) => c.run(SERVING_ALLOCATOR_SETTINGS));
  if (deps.config.server.memoryCopyMaxRows > 0) {
    await lane.run(() => deps.store.keepInMemory(MEMORY_COPIED_TABLES, deps.config.server.memoryCopyMaxRows));
  }

  const app = Fastify({
    ...(options.loggerInstance
      ? { loggerInstance: options.loggerInstance }
      : { logger: options.logger ?? { level: deps.config.logLevel } }),
    // Fastify's own two lines a request are replaced by one, and none on hot routes (see below).
    logController: new LogController({ disableRequestLogging: true }),
    // Behind a proxy, req.ip (rate limits, audit) is the client from X-Forwarded-For, not the proxy.
    trustProxy: deps.config.server.trustProxy,
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    // Ids in the path and query are numbers; anything else is a 400, never a crash.
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  addOpenApiDefaults(app);
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', message: `no route ${req.method} ${req.url}` }),
  );

  const log =
    options.predictionLog === false
      ? undefined
      : await PredictionLog.open(lane, deps.store, {
          ...options.predictionLog,
          onError: (error) => app.log.error({ err: error }, 'prediction log write failed'),
        });
  const holder = new ModelHolder(
    deps.modelProvider ??
      registryModelProvider(
        lane,
        deps.tracking,
        deps.config.model,
        now,
        () => deps.store.refresh(),
        deps.store.shared.catalog,
      ),
    {
      pollIntervalMs: options.pollIntervalMs ?? 5000,
      onSwap: (next, previous) =>
        app.log.info({ version: next.version, previous: previous?.version ?? null }, 'serving model swapped'),
      onError: (error) => app.log.error({ err: error }, 'champion check failed'),
    },
  );
  const metrics = new ServerMetrics(
    holder,
    () => now().getTime(),
    log,
    options.defaultMetrics ?? true,
    { store: deps.store, ...(deps.pipeline ? { runs: deps.pipeline.store } : {}) },
    () =>
      lane.run((c) =>
        queryNumber(c, 'SELECT coalesce(sum(memory_usage_bytes), 0)::DOUBLE FROM duckdb_memory()'),
      ),
  );
  const ctx: ServeContext = {
    config: deps.config,
    paths,
    store: deps.store,
    tracking: deps.tracking,
    lane,
    holder,
    metrics,
    log,
    now,
    access: Access.fromConfig(deps.config.server),
    readiness: new Readiness([
      ...dependencyProbes(deps.store, lane, holder, deps.pipeline?.executor),
      writableFoldersProbe(writableFolders(deps, paths.landingDir), paths.dataDir),
    ]),
    slicer: new TimeSlicer(options.scoringSliceMs ?? 5),
    scoringBudget: new CostLimiter(deps.config.server.bulkScoring, () => now().getTime()),
  };

  // Every route's text input, the pipeline run and alert ids as much as the tracking API's (which
  // checks its own when mounted alone): Postgres cannot hold a NUL character, SQLite can.
  app.addHook('preValidation', rejectNulCharacters);

  const requestLog = deps.config.server.requestLog;
  const requests = new RequestWindow(deps.config.alerts.api.windowMs);
  app.addHook('onResponse', async (req, reply) => {
    requests.record(now().getTime(), reply.elapsedTime, reply.statusCode);
    const route = req.routeOptions.url ?? UNMATCHED_ROUTE;
    metrics.observeRequest(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
    if (requestLog === 'all' || (requestLog === 'cold' && !isHotRoute(route))) {
      req.log.info(
        { method: req.method, url: req.url, status: reply.statusCode, ms: reply.elapsedTime },
        'request',
      );
    }
  });

  if (options.corsOrigins && options.corsOrigins.length > 0) {
    await app.register(cors, { origin: [...options.corsOrigins] });
  }
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'SodAI',
        description: 'Weekly purchase predictions, recommendations and chat',
        version: '1',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(opsRoutes, { ctx });
  await app.register(webUiRoutes, { ctx });
  // Public routes: rate limited per client address, inside their own scope so ops routes are not.
  await app.register(
    async (scope) => {
      if (options.rateLimit !== false) {
        const limit = options.rateLimit ?? { max: 6000, timeWindowMs: 60_000 };
        await scope.register(rateLimit, { max: limit.max, timeWindow: limit.timeWindowMs });
      }
      await scope.register(predictRoutes, { ctx });
      await scope.register(recommendRoutes, { ctx });
      await scope.register(chatRoutes, {
        ctx,
        ...(deps.pipeline ? { pipeline: deps.pipeline } : {}),
        ...(deps.alerts ? { alerts: deps.alerts.store } : {}),
      });
      await scope.register(readApiRoutes, { ctx, prefix: '/api' });
      await scope.register(authRoutes, { ctx, prefix: '/api' });
      await scope.register(monitorRoutes, { ctx, prefix: '/api' });
      await scope.register(usageRoutes, { ctx, prefix: '/api' });
      await scope.register(requestRoutes, { ctx, prefix: '/api' });
      if (deps.pipeline) {
        const pipeline = deps.pipeline;
        // Runs and task logs are operations data: readers only (unless everything is public).
        await scope.register(async (reads) => {
          reads.addHook('onRequest', async (req) => ctx.access.requireReader(req));
          // The folders read-api cuts, and the object store and ingest source, which tasks log too.
          const serverFolders = [
            ...dataFolders(paths),
            ...writableFolders(deps, paths.landingDir).map((f) => f.path),
          ];
          await reads.register(pipelineReadRoutes, { pipeline, now, serverFolders, prefix: '/api/pipeline' });
        });
      }
      // Reads (runs, models, artifacts) need a reader; writes an operator, recorded under its name.
      await scope.register(trackingPlugin, {
        prefix: '/api/tracking',
        client: deps.tracking,
        authorize: (req, access) =>
          withHttpStatus(() => {
            if (access === 'write') return ctx.access.require(req, 'operator').name;
            ctx.access.requireReader(req);
            return ctx.access.caller(req)?.name ?? null;
          }),
      });
    },
    { prefix: PUBLIC_PREFIX },
  );
  if (ctx.access.hasOperators) {
    await app.register(adminRoutes, {
      ctx,
      uploadLimitBytes: options.uploadLimitBytes ?? 256 * 1024 * 1024,
      ...(deps.pipeline ? { pipeline: deps.pipeline } : {}),
      ...(deps.alerts ? { alerts: deps.alerts } : {}),
      prefix: '/api/admin',
    });
  }

  const watchdog = options.brokenFor && watchDependencies(ctx.readiness, options.brokenFor);
  const alertTimer = deps.alerts
    ? serverAlertTimer({
        center: deps.alerts,
        settings: deps.config.alerts,
        requests,
        droppedRows: () => log?.dropped,
        catalog: deps.store.shared.catalog,
        now: () => now().getTime(),
        onError: (error) => app.log.error({ err: error }, 'alert check failed'),
      })
    : undefined;
  if (deps.alerts && ctx.access.hasAlertTokens) {
    await app.register(alertRoutes, {
      store: deps.alerts.store,
      access: ctx.access,
      now,
      prefix: '/api/alerts',
    });
  }
  alertTimer?.start();

  const initialLoad = holder.reload();
  initialLoad
    .then((outcome) => {
      if (outcome.reason) app.log.warn({ reason: outcome.reason }, 'no model serving yet');
    })
    .catch((error: unknown) => app.log.error({ err: error }, 'initial model load failed'))
    .finally(() => holder.start());
  app.decorate('serving', {
    holder,
    metrics,
    log,
    initialLoad,
    reload: () => holder.reload(),
    checkAlerts: async () => {
      await alertTimer?.check();
    },
  } satisfies ServingHandle);
  const growthMb = options.nativeMemoryGrowthMb ?? 128;
  const governor = growthMb === false ? undefined : new NativeMemoryGovernor({ growthMb });
  governor?.start();
  if (governor) registerGovernorMetrics(metrics.registry, governor);
  app.addHook('onClose', async () => {
    governor?.stop();
    if (watchdog) clearInterval(watchdog);
    await alertTimer?.stop();
    await initialLoad.catch(() => undefined);
    await holder.close();
    await log?.close();
  });
  return app;
}

/**
 * A real operation on each dependency: a statement on the server's DuckDB (an invalidated database
 * fails every one), a catalog read (the metadata database), the existence of a data file the views
 * read (the object store), the champion lookup (the registry database) and, when pipeline tasks go
 * through a queue, the queue's server.
 */
function dependencyProbes(
  store: RawStore,
  lane: DbLane,
  holder: ModelHolder,
  executor: Executor | undefined,
): DependencyProbe[] {
  const queue = executor?.check?.bind(executor);
  return [
    // Busy is not broken: under load the lane's queue may outlast the check's timeout, and a
    // server that answers slowly must not be stopped by its watchdog (it was, after 60 s of load).
    { name: 'store (DuckDB)', check: () => lane.answers((c) => queryNumber(c, 'SELECT 1')) },
    {
      name: 'catalog (metadata database)',
      check: async () => void (await store.shared.catalog.currentSnapshot('transactions')),
    },
    {
      name: 'object store',
      check: async () => {
        const file = store.read.transactions?.files[0];
        if (file && !(await store.shared.objects.exists(file.key))) throw new Error(`${file.key} is missing`);
      },
    },
    { name: 'model registry', check: async () => void (await holder.provider.championVersion()) },
    ...(queue ? [{ name: 'task queue', check: queue }] : []),
  ];
}

/** The local folders the server writes to: the object store (prediction log) and the landing folder (uploads). */
function writableFolders(deps: ServeDeps, landingDir: string): WritableFolder[] {
  const folders: WritableFolder[] = [];
  const objects = deps.store.shared.objects;
  if (objects instanceof LocalObjectStore) folders.push({ label: 'object store', path: objects.root });
  const source = configuredSource(deps.config, landingDir);
  if (source.kind === 'folder') folders.push({ label: 'landing folder', path: source.path ?? landingDir });
  return folders;
}

function watchDependencies(
  readiness: Readiness,
  brokenFor: NonNullable<ServeOptions['brokenFor']>,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    void readiness.status().then((status) => {
      if (!status.ok && readiness.failingForMs() >= brokenFor.ms)
        brokenFor.onBroken(status.failures.join('; '));
    });
  }, brokenFor.checkEveryMs ?? 5000);
  timer.unref();
  return timer;
}

/** Runs `check`; a refusal leaves with its HTTP status, which plugins with their own handler need. */
function withHttpStatus<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof SodaiError) Object.assign(error, { statusCode: ERROR_STATUS[error.code] });
    throw error;
  }
}
