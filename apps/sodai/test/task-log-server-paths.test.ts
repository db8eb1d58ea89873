import { describe, expect, it } from 'vitest';
import { textWithoutServerPaths } from '../src/serve/server-paths.ts';

describe('task log lines served without server paths', () => {
  const folders = ['/srv/sodai', '/srv/sodai/landing', '/srv/sodai/objects'];

  it('names files from the outermost server folder, file URLs included', () => {
    expect(
      textWithoutServerPaths(
        '12 lines → /srv/sodai/exports/p.csv and file:///srv/sodai/objects/exports/p.csv',
        folders,
      ),
    ).toBe('12 lines → exports/p.csv and objects/exports/p.csv');
    expect(
      textWithoutServerPaths(
        "rejected: /srv/sodai/landing/w1.parquet: end of file '/srv/sodai/landing/w1.parquet'",
        folders,
      ),
    ).toBe("rejected: landing/w1.parquet: end of file 'landing/w1.parquet'");
  });

  it('reduces any other absolute path to its file name and leaves URLs and ratios alone', () => {
    expect(textWithoutServerPaths('read /home/ana/drop/w2.csv (3 rows)', folders)).toBe(
      'read w2.csv (3 rows)',
    );
    expect(textWithoutServerPaths('sent to https://hooks.example/a/b, 3/4 done', folders)).toBe(
      'sent to https://hooks.example/a/b, 3/4 done',
    );
  });
});
