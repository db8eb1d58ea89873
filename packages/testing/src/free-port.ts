import { createServer, type AddressInfo } from 'node:net';

/**
 * A loopback port free right now, for a child process told to listen on it (a server started with
 * port 0 would have to report its port back through its logs).
 *
 * @example
 * const port = await freePort();
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
