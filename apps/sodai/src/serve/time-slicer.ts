import { performance } from 'node:perf_hooks';

interface SlicedJob {
  readonly size: number;
  next: number;
  /** Runs item `next`; returns false when the job just finished. */
  step(): void;
  finish(): void;
  fail(error: unknown): void;
}

/**
 * Runs CPU-bound per-item work (scoring pairs) for every request of a server in short slices, one
 * slice per event-loop turn: between two slices the loop polls sockets, so `/health` and cheap
 * requests never wait longer than one slice behind a 1,000-pair batch. Jobs take turns item by item,
 * so a big batch does not starve a small one. One slicer per server: separate slicers would run
 * their slices back to back in the same turn.
 *
 * @example
 * const slicer = new TimeSlicer(5);
 * const scores = await slicer.map(pairs, (p) => model.predict(p.customer_id, p.product_id, 'en'));
 */
export class TimeSlicer {
  readonly #jobs: SlicedJob[] = [];
  #scheduled = false;

  constructor(readonly sliceMs = 5) {}

  /** `items.map(work)`, yielding to the event loop whenever a slice's time is used up. */
  map<T, R>(items: readonly T[], work: (item: T) => R): Promise<R[]> {
    if (items.length === 0) return Promise.resolve([]);
    return new Promise<R[]>((resolve, reject) => {
      const results: R[] = new Array<R>(items.length);
      const job: SlicedJob = {
        size: items.length,
        next: 0,
        step() {
          results[job.next] = work(items[job.next]!);
          job.next++;
        },
        finish: () => resolve(results),
        fail: reject,
      };
      this.#jobs.push(job);
      this.#schedule();
    });
  }

  /**
   * Resolves in a slice of its own, after the jobs ahead of it have had theirs. A request whose
   * intake is costly (validating a bulk body) awaits this first: bodies that arrive together (the
   * first burst after a start, with code not yet compiled) are then validated one per event-loop
   * turn instead of back to back in one poll phase, where `/health` waited for all of them.
   */
  turn(): Promise<void> {
    return this.map([undefined], () => undefined).then(() => undefined);
  }

  /** Jobs waiting or running (for metrics and tests). */
  get pending(): number {
    return this.#jobs.length;
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => this.#runSlice());
  }

  #runSlice(): void {
    this.#scheduled = false;
    const deadline = performance.now() + this.sliceMs;
    let turn = 0;
    while (this.#jobs.length > 0 && performance.now() < deadline) {
      const index = turn % this.#jobs.length;
      const job = this.#jobs[index]!;
      try {
        job.step();
      } catch (error) {
        this.#jobs.splice(index, 1);
        job.fail(error);
        continue;
      }
      if (job.next >= job.size) {
        this.#jobs.splice(index, 1);
        job.finish();
        // Its continuation (serializing and writing the answer) runs when this slice returns:
        // ending the slice here gives every finished job a turn of its own, so jobs that finish
        // together do not add up in one turn.
        break;
      } else {
        turn = index + 1;
      }
    }
    if (this.#jobs.length > 0) this.#schedule();
  }
}
