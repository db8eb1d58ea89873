import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { awsSdkNodeNote } from '../src/cli/doctor.ts';
import { closedPort, tempDir } from './helpers.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/sodai.js');
const run = promisify(execFile);
const nodeMajor = Number(process.versions.node.split('.')[0]);

/** `sodai ingest s3://…` against a bucket nobody serves: it reaches the SDK, then fails. */
async function ingestFromS3(env: Record<string, string> = {}) {
  const endpoint = `http://127.0.0.1:${await closedPort()}`;
  try {
    await run(process.execPath, [BIN, 'ingest', 's3://nowhere/landing/'], {
      env: {
        ...process.env,
        SODAI_DATA_DIR: tempDir(),
        AWS_ENDPOINT_URL_S3: endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test-secret',
        AWS_MAX_ATTEMPTS: '1',
        ...env,
      },
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { code: failed.code, stderr: failed.stderr };
  }
}

// Every S3 command on Node 20 printed the AWS SDK's 7-line notice that its releases after January
// 2027 need Node 22, before its own answer (found running `sodai ingest s3://bucket/prefix/`).
describe("the AWS SDK's Node version notice", () => {
  it('is not printed by a sodai command that uses S3; the command still says what failed', async () => {
    const { code, stderr } = await ingestFromS3();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: .*s3:\/\/nowhere\/landing/m);
    expect(stderr).not.toContain('NodeVersionSupportWarning');
  }, 120_000);

  it.runIf(nodeMajor < 22)(
    'comes back when the operator asks for it',
    async () => {
      const { stderr } = await ingestFromS3({ AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' });
      expect(stderr).toContain('NodeVersionSupportWarning');
    },
    120_000,
  );

  it('is said by `sodai doctor` instead, on a Node older than 22 only', () => {
    expect(awsSdkNodeNote('v20.20.2')).toMatch(/Node v20\.20\.2: .*after January 2027 need Node 22/);
    expect(awsSdkNodeNote('v22.0.0')).toBeUndefined();
    expect(awsSdkNodeNote('v24.11.1')).toBeUndefined();
  });
});
