import { describe, expect, it } from 'vitest';
import { encodeParams, isXGBoostError, type XGBoostParams } from '../src/index.ts';

describe('encodeParams', () => {
  it('encodes values as XGBoost strings', () => {
    expect(
      encodeParams({
        max_depth: 6,
        eta: 0.1,
        objective: 'binary:logistic',
        disable_default_eval_metric: true,
        monotone_constraints: [1, 0, -1],
        interaction_constraints: [[0, 1], [2]],
      }),
    ).toEqual([
      ['max_depth', '6'],
      ['eta', '0.1'],
      ['objective', 'binary:logistic'],
      ['disable_default_eval_metric', '1'],
      ['monotone_constraints', '(1,0,-1)'],
      ['interaction_constraints', '[[0,1],[2]]'],
    ]);
  });

  it('sends one eval_metric pair per metric', () => {
    expect(encodeParams({ eval_metric: ['logloss', 'auc'] })).toEqual([
      ['eval_metric', 'logloss'],
      ['eval_metric', 'auc'],
    ]);
  });

  it('rejects an unknown parameter, naming it and suggesting the closest one', () => {
    const params = { max_dept: 3 } as unknown as XGBoostParams;
    let error: unknown;
    try {
      encodeParams(params);
    } catch (err) {
      error = err;
    }
    expect(isXGBoostError(error, 'UNKNOWN_PARAMETER')).toBe(true);
    expect((error as Error).message).toContain('"max_dept"');
    expect((error as Error).message).toContain('"max_depth"');
  });

  it('lets passThrough parameters skip the name check', () => {
    expect(encodeParams({}, { some_future_param: 2 })).toEqual([['some_future_param', '2']]);
  });

  it('rejects non-finite numbers', () => {
    expect(() => encodeParams({ eta: Number.NaN })).toThrow(/finite/);
  });
});
