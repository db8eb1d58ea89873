import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeS3Failure, S3ObjectStore } from '../../src/store/object-store/s3-object-store.ts';
import { tempDir } from '../helpers.ts';

// Found on the walk: `sodai ingest s3://bucket/prefix/` on a machine without AWS settings said
// "list  failed on s3://bucket/prefix: CredentialsProviderError (Could not load credentials from any
// providers)": two spaces where the prefix was empty, and nothing said what to set.
describe('an S3 failure, as a person reads it', () => {
  it('says which environment variables give missing credentials', () => {
    const error = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    const message = describeS3Failure('list', 's3://bucket/landing', error);
    expect(message).toBe(
      'list failed on s3://bucket/landing: CredentialsProviderError (Could not load credentials from any providers); ' +
        "no credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) in this process's environment",
    );
  });

  it('adds no hint to a failure of the store itself', () => {
    const error = Object.assign(new Error('Access Denied'), { name: 'AccessDenied' });
    expect(describeS3Failure('get a.parquet', 's3://b', error)).toBe(
      'get a.parquet failed on s3://b: AccessDenied (Access Denied)',
    );
  });

  it('lists a bucket root it cannot reach with one space between the words', async () => {
    const store = new S3ObjectStore({
      bucket: 'nowhere',
      prefix: '',
      cacheDir: path.join(tempDir('sodai-s3-fail-'), 'cache'),
      endpoint: 'http://127.0.0.1:9', // discard port: nothing listens on loopback
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    try {
      await expect(store.list()).rejects.toThrow(/^list failed on s3:\/\/nowhere: /);
    } finally {
      await store.close();
    }
  });
});
