// The fork ships no types; these cover what the S3 test server helper uses.
declare module '@20minutes/s3rver' {
  import type { RequestListener } from 'node:http';

  interface S3rverOptions {
    silent?: boolean;
    directory?: string;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string }[];
  }

  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Creates the buckets of `configureBuckets`. */
    configureBuckets(): Promise<void>;
    /** The request handler (s3rver is a Koa app). */
    callback(): RequestListener;
  }
}
