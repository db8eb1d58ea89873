import { requireArgument } from '../errors.ts';

/**
 * At most `size` pieces of work at once, the rest waiting in FIFO order: a finishing one hands its
 * slot straight to the next waiter, so a newcomer cannot jump the queue.
 *
 * @example
 * const slots = new Slots(2);
 * await slots.run(() => work());
 */
export class Slots {
  #active = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly size: number) {
    requireArgument(Number.isInteger(size) && size >= 1, 'concurrency', 'must be an integer ≥ 1');
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#active < this.size) this.#active++;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active--;
    }
  }
}
