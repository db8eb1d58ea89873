import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a local server, that the test can take down (every open
 * connection reset, new ones refused) and bring back on the same port: the server behind it
 * becomes unreachable as it would on a network failure, and keeps its data.
 */
export class FlakyProxy {
  #server: Server | undefined;
  readonly #sockets = new Set<Socket>();
  #port = 0;
  /** Called with each request's first line (`PUT /bucket/key HTTP/1.1`) as it passes. */
  onRequestLine: ((line: string) => void) | undefined;

  constructor(private readonly targetPort: number) {}

  get port(): number {
    return this.#port;
  }

  get isUp(): boolean {
    return this.#server !== undefined;
  }

  async up(): Promise<number> {
    const server = createServer((client) => {
      const upstream = createConnection({ host: '127.0.0.1', port: this.targetPort });
      for (const s of [client, upstream]) {
        this.#sockets.add(s);
        s.once('close', () => this.#sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('data', (chunk: Buffer) => {
        const line = /^(GET|PUT|POST|HEAD|DELETE) \S+/.exec(chunk.subarray(0, 2048).toString('latin1'));
        if (line) this.onRequestLine?.(line[0]);
      });
      client.pipe(upstream).pipe(client);
      client.once('close', () => upstream.destroy());
      upstream.once('close', () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.#port, '127.0.0.1', () => resolve());
    });
    this.#port = (server.address() as { port: number }).port;
    this.#server = server;
    return this.#port;
  }

  /** Resets every connection and stops accepting new ones. */
  async down(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    for (const s of this.#sockets) s.resetAndDestroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
