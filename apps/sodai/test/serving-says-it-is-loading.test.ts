import { describe, expect, it } from 'vitest';
import { ModelHolder, type ModelProvider } from '../src/scoring/model-holder.ts';
import type { NotServable, ServingModel } from '../src/scoring/serving-model.ts';

// After a restart the server needs a while to load its champion (half a minute on the real year on a
// busy machine). Meanwhile /api/serving said only "no model", and the UI told people no model had
// been trained yet: wrong, and alarming right after every deploy.

/** A provider whose one load waits until `finish` is called with what it found. */
function slowProvider() {
  let finish: (found: ServingModel | NotServable) => void = () => undefined;
  const provider: ModelProvider = {
    championVersion: () => Promise.resolve(1),
    load: () => new Promise((resolve) => (finish = resolve)),
  };
  return { provider, finish: (found: ServingModel | NotServable) => finish(found) };
}

const model = { version: 1, predict: () => undefined, retire: () => undefined } as unknown as ServingModel;

describe('the serving holder tells loading from having nothing to serve', () => {
  it('is loading until its first load serves a model', async () => {
    const { provider, finish } = slowProvider();
    const holder = new ModelHolder(provider, { pollIntervalMs: 0 });
    expect(holder.loading).toBe(true);
    const loaded = holder.reload();
    await new Promise((r) => setTimeout(r, 5));
    expect(holder.loading).toBe(true);
    finish(model);
    await loaded;
    expect(holder.loading).toBe(false);
    expect(holder.current()?.version).toBe(1);
    await holder.close();
  });

  it('stops loading when the first load finds nothing to serve, and says why', async () => {
    const { provider, finish } = slowProvider();
    const holder = new ModelHolder(provider, { pollIntervalMs: 0 });
    const loaded = holder.reload();
    await new Promise((r) => setTimeout(r, 5)); // the load has started
    finish({ reason: 'no champion model in the registry yet' });
    await loaded;
    expect(holder.loading).toBe(false);
    expect(holder.current()).toBeUndefined();
    expect(holder.reason).toContain('no champion');
    await holder.close();
  });
});
