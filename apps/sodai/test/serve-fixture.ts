import { buildServedStore, type ServedStore } from './served-store.ts';
import { tempDir } from './helpers.ts';

export const ADMIN_TOKEN = 'serve-test-admin-token-0123456789';

export type ServeFixture = ServedStore;

/** The served store in a temporary folder removed after the test file, with the admin token set. */
export function serveFixture(): Promise<ServeFixture> {
  return buildServedStore(tempDir('sodai-serve-'), { server: { adminToken: ADMIN_TOKEN } });
}
