import type { ChatEntities, ChatIntent } from '../contract/api.ts';

/** What a session remembers of its last answered question, for follow-ups. */
export interface TurnMemory {
  readonly intent: ChatIntent;
  readonly entities: ChatEntities;
  /** Rows already shown of the answer's list ("show more" continues after them). */
  readonly shown: number;
  readonly offset: number;
  /** Products the answer listed, in order ("why?" explains the first). */
  readonly products: readonly number[];
  /** Customers the answer listed. */
  readonly customers: readonly number[];
}

/**
 * Per-session memory of the last turn, bounded in sessions (least recently used dropped) and in
 * time (a session idle for `ttlMs` starts afresh).
 *
 * @example
 * const sessions = new Conversations();
 * sessions.remember('abc12345', memory);
 * sessions.recall('abc12345')?.intent;
 */
export class Conversations {
  readonly #sessions = new Map<string, { memory: TurnMemory; at: number }>();

  constructor(
    private readonly maxSessions = 5000,
    private readonly ttlMs = 2 * 60 * 60 * 1000,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  recall(sessionId: string): TurnMemory | undefined {
    const hit = this.#sessions.get(sessionId);
    if (!hit) return undefined;
    if (this.clock() - hit.at > this.ttlMs) {
      this.#sessions.delete(sessionId);
      return undefined;
    }
    return hit.memory;
  }

  remember(sessionId: string, memory: TurnMemory): void {
    this.#sessions.delete(sessionId);
    this.#sessions.set(sessionId, { memory, at: this.clock() });
    if (this.#sessions.size > this.maxSessions) {
      const oldest = this.#sessions.keys().next().value;
      if (oldest !== undefined) this.#sessions.delete(oldest);
    }
  }
}
