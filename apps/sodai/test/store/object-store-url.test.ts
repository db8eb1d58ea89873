import { describe, expect, it } from 'vitest';
import { parseObjectStoreUrl } from '../../src/store/object-store/object-store-url.ts';
import { isStoreError } from '../../src/store/store-error.ts';

describe('parseObjectStoreUrl', () => {
  it('reads plain paths (relative to cwd), file: URLs and s3://bucket/prefix', () => {
    expect(parseObjectStoreUrl('.sodai/objects', '/srv/app')).toEqual({
      kind: 'folder',
      path: '/srv/app/.sodai/objects',
    });
    expect(parseObjectStoreUrl('/data/objects')).toEqual({ kind: 'folder', path: '/data/objects' });
    expect(parseObjectStoreUrl('file:///data/objects')).toEqual({ kind: 'folder', path: '/data/objects' });
    expect(parseObjectStoreUrl('file:/data/objects')).toEqual({ kind: 'folder', path: '/data/objects' });
    expect(parseObjectStoreUrl('s3://sodai-prod/deploy/a/')).toEqual({
      kind: 's3',
      bucket: 'sodai-prod',
      prefix: 'deploy/a',
    });
    expect(parseObjectStoreUrl('s3://sodai-prod')).toEqual({ kind: 's3', bucket: 'sodai-prod', prefix: '' });
  });

  it('rejects what it cannot open with a message naming the input', () => {
    for (const bad of ['', 'http://example.test/x', 's3://Bad_Bucket/x', 's3://ok-bucket/../x', 'gs://b/p']) {
      let error: unknown;
      try {
        parseObjectStoreUrl(bad);
      } catch (e) {
        error = e;
      }
      expect(isStoreError(error, 'INVALID_URL'), bad).toBe(true);
      expect((error as Error).message).toContain(JSON.stringify(bad));
    }
  });
});
