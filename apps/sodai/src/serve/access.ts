import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { SodaiConfig } from '../config/config-schema.ts';
import type { Role } from '../contract/api.ts';
import { SodaiError } from '../errors.ts';

const RANK: Record<Role, number> = { reader: 1, operator: 2, admin: 3 };

/** Who sent a request, from its bearer token. */
export interface Caller {
  readonly name: string;
  /** null for the alerts-only token: it predates roles and must not gain a reader's reads. */
  readonly role: Role | null;
  /** Whether it may read and acknowledge alerts: an operator, an admin, or the alerts-only token. */
  readonly alerts: boolean;
}

interface KnownToken extends Caller {
  readonly digest: Buffer;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** The alerts-only token's caller name: the audit actor of what it acknowledges. */
const ALERTS_ONLY = 'alerts';

const ranked = (name: string, role: Role, digest: Buffer): KnownToken => ({
  name,
  role,
  alerts: RANK[role] >= RANK.operator,
  digest,
});

/** What a caller may do, for a refusal that says why. */
const holds = (caller: Caller) =>
  caller.role ? `has the ${caller.role} role` : 'may use the alert inbox only';

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
      return ranked(name, role, digestOf(token));
    });
}

/**
 * Every token the server knows (config `server.tokens` as sha256 digests, `SODAI_TOKENS`, the single
 * `server.adminToken` as an admin named `admin`, and `server.operatorToken` as the alerts-only caller
 * named `alerts`, which holds no role) and what needs which role. Tokens are compared by
 * digest in constant time, every known token checked, so timing says nothing about which matched.
 *
 * @example
 * const access = Access.fromConfig(config.server);
 * const caller = access.caller(req); // undefined: anonymous; throws 401 on a wrong token
 * access.require(req, 'reader');
 * access.requireAlerts(req); // an operator, an admin or the alerts-only token
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
      ...server.tokens.map((t) => ranked(t.name, t.role, Buffer.from(t.sha256, 'hex'))),
      ...parseTokenSecrets(server.tokenSecrets),
      ...(server.adminToken ? [ranked('admin', 'admin', digestOf(server.adminToken))] : []),
      // Last, so the same secret configured as a named token too keeps that token's role.
      ...(server.operatorToken
        ? [{ name: ALERTS_ONLY, role: null, alerts: true, digest: digestOf(server.operatorToken) }]
        : []),
    ];
    return new Access(tokens, server.publicRead);
  }

  /** Whether any token holds a role, so someone can sign in to read what `publicRead` does not open. */
  get hasReaders(): boolean {
    return this.#tokens.some((t) => t.role !== null);
  }

  /** Whether any token at all is configured, the alerts-only one included: else nobody can sign in. */
  get hasTokens(): boolean {
    return this.#tokens.length > 0;
  }

  /** Whether any token can reach the admin routes. */
  get hasOperators(): boolean {
    return this.#tokens.some((t) => t.role !== null && RANK[t.role] >= RANK.operator);
  }

  /** Whether any token can reach the alert inbox. */
  get hasAlertTokens(): boolean {
    return this.#tokens.some((t) => t.alerts);
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
      found = { name: found.name, role: found.role, alerts: found.alerts };
    }
    this.#callers.set(req, found);
    return found;
  }

  /** Throws 401 unless the request carries a token of at least `role`; returns its caller. */
  require(req: FastifyRequest, role: Role): Caller {
    const caller = this.caller(req);
    if (!caller)
      throw new SodaiError('UNAUTHORIZED', `this route needs a bearer token with the ${role} role`);
    if (caller.role === null || RANK[caller.role] < RANK[role]) {
      throw new SodaiError('FORBIDDEN', `${caller.name} ${holds(caller)}; this route needs ${role}`);
    }
    return caller;
  }

  /** Throws 401 without a token, 403 for one that may not use the alert inbox; returns its caller. */
  requireAlerts(req: FastifyRequest): Caller {
    const caller = this.caller(req);
    if (!caller) {
      throw new SodaiError(
        'UNAUTHORIZED',
        'alerts need a bearer token with the operator role, or the alerts-only token',
      );
    }
    if (!caller.alerts) {
      throw new SodaiError('FORBIDDEN', `${caller.name} ${holds(caller)}; alerts need operator`);
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
