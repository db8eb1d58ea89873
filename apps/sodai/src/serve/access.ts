import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { Role } from '../contract/api.ts';
import { SodaiError } from '../errors.ts';

const RANK: Record<Role, number> = { reader: 1, operator: 2, admin: 3 };

/** Who sent a request, from its bearer token. */
export interface Caller {
  readonly name: string;
  readonly role: Role;
}

interface KnownToken extends Caller {
  readonly digest: Buffer;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** `name:role:token[,…]` (SODAI_TOKENS) → tokens kept only as digests. */
function parseTokenSecrets(value: string | undefined): KnownToken[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, i) => {
      const [name, role, ...rest] = entry.split(':');
      const token = rest.join(':');
      if (!name || !(role === 'reader' || role === 'operator' || role === 'admin') || token.length < 16) {
        throw new SodaiError(
          'INVALID_CONFIG',
          `SODAI_TOKENS entry ${i + 1}: expected name:reader|operator|admin:token (token ≥ 16 characters)`,
        );
      }
      return { name, role, digest: digestOf(token) };
    });
}

/**
 * The server's named tokens (config `server.tokens` as sha256 digests, `SODAI_TOKENS`, and the single
 * `server.adminToken` as an admin named `admin`) and what needs which role. Tokens are compared by
 * digest in constant time, every known token checked, so timing says nothing about which matched.
 *
 * @example
 * const access = Access.fromConfig(config.server);
 * const caller = access.caller(req); // undefined: anonymous; throws 401 on a wrong token
 * access.require(req, 'reader');
 */
export class Access {
  readonly #tokens: readonly KnownToken[];
  readonly #callers = new WeakMap<FastifyRequest, Caller | undefined>();

  constructor(
    tokens: readonly KnownToken[],
    readonly publicRead: 'predictions' | 'all',
  ) {
    this.#tokens = tokens;
  }

  static fromConfig(server: SodaiConfig['server']): Access {
    const tokens: KnownToken[] = [
      ...server.tokens.map((t) => ({ name: t.name, role: t.role, digest: Buffer.from(t.sha256, 'hex') })),
      ...parseTokenSecrets(server.tokenSecrets),
      ...(server.adminToken
        ? [{ name: 'admin', role: 'admin' as const, digest: digestOf(server.adminToken) }]
        : []),
    ];
    return new Access(tokens, server.publicRead);
  }

  /** Whether any token can reach the admin routes. */
  get hasOperators(): boolean {
    return this.#tokens.some((t) => RANK[t.role] >= RANK.operator);
  }

  /** The caller a request's bearer token names; undefined without one; 401 for an unknown one. */
  caller(req: FastifyRequest): Caller | undefined {
    if (this.#callers.has(req)) return this.#callers.get(req);
    const header = req.headers.authorization;
    let found: Caller | undefined;
    if (header !== undefined) {
      const match = /^Bearer (.+)$/.exec(header);
      const given = digestOf(match?.[1] ?? '');
      for (const token of this.#tokens) {
        if (timingSafeEqual(given, token.digest) && found === undefined) found = token;
      }
      if (found === undefined) throw new SodaiError('UNAUTHORIZED', 'unknown bearer token');
      found = { name: found.name, role: found.role };
    }
    this.#callers.set(req, found);
    return found;
  }

  /** Throws 401 unless the request carries a token of at least `role`; returns its caller. */
  require(req: FastifyRequest, role: Role): Caller {
    const caller = this.caller(req);
    if (!caller)
      throw new SodaiError('UNAUTHORIZED', `this route needs a bearer token with the ${role} role`);
    if (RANK[caller.role] < RANK[role]) {
      throw new SodaiError(
        'FORBIDDEN',
        `${caller.name} has the ${caller.role} role; this route needs ${role}`,
      );
    }
    return caller;
  }

  /** For data reads: a reader token unless `publicRead` is `all`. */
  requireReader(req: FastifyRequest): void {
    if (this.publicRead === 'all') {
      this.caller(req); // a wrong token is still refused
      return;
    }
    this.require(req, 'reader');
  }
}
