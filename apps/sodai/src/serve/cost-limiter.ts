/**
 * A token bucket per client where each request spends what it costs (pairs scored on the spot,
 * exact explanations), not 1: a per-request limit lets one client send 1,000-pair batches at the
 * rate of single lookups.
 *
 * @example
 * const limiter = new CostLimiter({ capacity: 20_000, refillPerSecond: 2_000 });
 * const wait = limiter.take('10.0.0.7', 1_000); // 0: go ahead; else seconds until it would pass
 */
export class CostLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limits: { readonly capacity: number; readonly refillPerSecond: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `cost` from `client`'s bucket; returns 0, or the seconds to wait when it is short. */
  take(client: string, cost: number): number {
    const { capacity, refillPerSecond } = this.limits;
    const now = this.now();
    const bucket = this.#buckets.get(client) ?? { tokens: capacity, at: now };
    // A clock that moved backwards refills nothing rather than draining the bucket.
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
    bucket.at = now;
    this.#buckets.set(client, bucket);
    if (cost > capacity) return Math.ceil((cost - bucket.tokens) / refillPerSecond);
    if (bucket.tokens < cost) return Math.max(1, Math.ceil((cost - bucket.tokens) / refillPerSecond));
    bucket.tokens -= cost;
    if (this.#buckets.size > 10_000) this.#forgetFull(now);
    return 0;
  }

  /** Drops buckets that refilled completely: they hold nothing a new bucket would not. */
  #forgetFull(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      const tokens = bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.limits.refillPerSecond;
      if (tokens >= this.limits.capacity) this.#buckets.delete(client);
    }
  }
}
