import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../src/config/config-schema.ts';
import { dataPaths } from '../src/config/load-config.ts';
import { createFlowEnv } from '../src/flows/flow-env.ts';
import { startPipelineRuntime, watchSchedule } from '../src/flows/pipeline-runtime.ts';
import { configuredSource } from '../src/data/sources/batch-source.ts';
import { openBatchLanding } from '../src/data/sources/batch-landing.ts';
import { backgroundErrorLog } from '../src/cli/background-error-log.ts';
import { tempDir } from './helpers.ts';

describe('the schedule and landing sensor on a data folder that has no landing folder yet', () => {
  // Found running `sodai serve --schedule` on Postgres after `sodai data load`: nothing had made
  // <dataDir>/landing, so every 5 s the sensor's poll failed with ENOENT, printed as a Node process
  // warning beside the JSON log, and a batch could not be dropped where the README says.
  it('makes the landing folder and polls it without a single failure', async () => {
    const dir = tempDir('sodai-no-landing-');
    const config = ConfigSchema.parse({ dataDir: path.join(dir, 'data') });
    const paths = dataPaths(config);
    const errors: unknown[] = [];
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const runtime = await startPipelineRuntime(
      createFlowEnv({
        config,
        paths,
        openStore: () => Promise.reject(new Error('no run is started here')),
        openTracking: () => Promise.reject(new Error('no run is started here')),
      }),
      { onBackgroundError: (e) => errors.push(e) },
    );
    try {
      expect(existsSync(paths.landingDir)).toBe(false);
      const landing = await openBatchLanding(
        configuredSource(config, paths.landingDir),
        path.join(dir, 'cache'),
      );
      expect(landing?.where).toBe(paths.landingDir);
      expect(existsSync(paths.landingDir)).toBe(true);
      const schedule = watchSchedule(runtime, { landing, catchUp: false, pollMs: 20 });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await schedule.stop();
    } finally {
      await runtime.close();
      process.off('warning', onWarning);
    }
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.name === 'PipelineBackgroundError')).toEqual([]);
  });
});

describe('backgroundErrorLog', () => {
  function recorder() {
    const lines: { fields: { err?: unknown; repeatedSinceLastLogged?: number }; message: string }[] = [];
    const logger = { error: (fields: object, message: string) => lines.push({ fields, message }) };
    return { lines, logger };
  }

  it('logs a failure that recurs at every poll once per quiet period, with how often it recurred', () => {
    const { lines, logger } = recorder();
    let t = 0;
    const log = backgroundErrorLog(logger, { quietMs: 1000, now: () => t });
    const unreachable = () => new Error('connect ECONNREFUSED 127.0.0.1:9000');
    for (t = 0; t < 1000; t += 100) log(unreachable());
    expect(lines.map((l) => l.message)).toEqual([
      'pipeline background failure: connect ECONNREFUSED 127.0.0.1:9000',
    ]);
    log(unreachable()); // t = 1000: the quiet period is over
    expect(lines).toHaveLength(2);
    expect(lines[1]!.fields.repeatedSinceLastLogged).toBe(9);
    expect(lines[0]!.fields.err).toBeInstanceOf(Error);
  });

  it("logs a different failure at once, even inside another one's quiet period", () => {
    const { lines, logger } = recorder();
    const log = backgroundErrorLog(logger, { quietMs: 1000, now: () => 5 });
    log(new Error('the bucket is unreachable'));
    log(new Error('the run store is unreachable'));
    log('a string thrown');
    expect(lines.map((l) => l.message)).toEqual([
      'pipeline background failure: the bucket is unreachable',
      'pipeline background failure: the run store is unreachable',
      'pipeline background failure: a string thrown',
    ]);
  });
});
