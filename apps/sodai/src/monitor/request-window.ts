import type { ApiWindowStats } from './alerts/pipeline-rules.ts';

/**
 * The last `windowMs` of answered requests (time, latency, 5xx or not), for the API health alerts.
 * Prometheus histograms only give cumulative buckets since start; a p99 over the last minutes needs
 * the recent latencies themselves. Bounded: past `maxEntries` the oldest are forgotten first.
 */
export class RequestWindow {
  #time: number[] = [];
  #latency: number[] = [];
  #error: boolean[] = [];
  #head = 0;

  constructor(
    readonly windowMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  record(at: number, latencyMs: number, status: number): void {
    this.#time.push(at);
    this.#latency.push(latencyMs);
    this.#error.push(status >= 500);
    if (this.#time.length - this.#head > this.maxEntries) {
      this.#head++;
      // A server without alert checks never asks for stats: compact here too, or memory only grows.
      this.#compact();
    }
  }

  stats(now: number): ApiWindowStats {
    const from = now - this.windowMs;
    while (this.#head < this.#time.length && this.#time[this.#head]! < from) this.#head++;
    this.#compact();
    const latencies = this.#latency.slice(this.#head).sort((a, b) => a - b);
    let errors = 0;
    for (let i = this.#head; i < this.#error.length; i++) if (this.#error[i]) errors++;
    const p99 =
      latencies.length === 0
        ? null
        : latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]!;
    return { requests: latencies.length, serverErrors: errors, p99Ms: p99, windowMs: this.windowMs };
  }

  /** Drops the forgotten prefix once it dominates, so memory follows the window. */
  #compact(): void {
    if (this.#head <= 1024 || this.#head * 2 <= this.#time.length) return;
    this.#time = this.#time.slice(this.#head);
    this.#latency = this.#latency.slice(this.#head);
    this.#error = this.#error.slice(this.#head);
    this.#head = 0;
  }
}
