import { LRUCache } from 'lru-cache';
import type { ChatEntities, ChatIntent, Lang } from '../contract/api.ts';
import { questionFlagsOf, type QuestionFlags } from './understanding/question-flags.ts';

/** What a session remembers of its last answered question, for follow-ups. */
export interface TurnMemory {
  readonly intent: ChatIntent;
  readonly entities: ChatEntities;
  /**
   * What the question asked beyond intent and entities (the catalogue, returns, a weekday …): "show
   * more" asks the same question again, further down its list.
   */
  readonly flags?: QuestionFlags;
  /** Whether the answer was a list a tool can page through ("show more" continues it). */
  readonly list?: boolean;
  /** Rows already shown of the answer's list ("show more" continues after them). */
  readonly shown: number;
  readonly offset: number;
  /** Products the answer listed, in order ("why?" explains the first). */
  readonly products: readonly number[];
  /** Customers the answer listed. */
  readonly customers: readonly number[];
  /**
   * The latest list a turn showed, kept through turns that list nothing: "¿qué compra el primero?"
   * and then "¿y el segundo?" both point into the ranking before them.
   */
  readonly pointable?: { readonly customers: readonly number[]; readonly products: readonly number[] };
  /** The language the turn was answered in ("more" with no language of its own keeps it). */
  readonly lang?: Lang;
}

/** What a turn leaves for the next to refer to: what was asked, and what its answer listed. */
export function turnMemory(
  asked: Pick<TurnMemory, 'intent' | 'entities' | 'offset'> & QuestionFlags,
  answer: {
    readonly shown?: number;
    readonly products?: readonly number[];
    readonly customers?: readonly number[];
  },
  lang?: Lang,
  previous?: TurnMemory,
): TurnMemory {
  const products = answer.products ?? [];
  const customers = answer.customers ?? [];
  // One customer's history names that customer: a list is a page of two or more.
  const many = (ids: readonly number[]) => (ids.length > 1 ? ids : []);
  const listed = answer.shown !== undefined && (many(customers).length > 0 || many(products).length > 0);
  // A question that pointed into the list ("¿qué compra el primero?") leaves it for the next to point
  // into ("¿y el segundo?"), whatever its own answer listed.
  const pointable =
    listed && !(asked.pointedAt && previous?.pointable)
      ? { customers: many(customers), products: many(products) }
      : previous?.pointable;
  return {
    intent: asked.intent,
    entities: asked.entities,
    flags: questionFlagsOf(asked),
    offset: asked.offset,
    // A tool that pages its rows says how many it showed, even none past the end.
    list: answer.shown !== undefined,
    shown: answer.shown ?? 0,
    products,
    customers,
    ...(pointable ? { pointable } : {}),
    ...(lang ? { lang } : {}),
  };
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
  readonly #sessions: LRUCache<string, TurnMemory>;

  constructor(maxSessions = 5000, ttlMs = 2 * 60 * 60 * 1000, clock: () => number = () => Date.now()) {
    this.#sessions = new LRUCache({ max: maxSessions, ttl: ttlMs, ttlResolution: 0, perf: { now: clock } });
  }

  recall(sessionId: string): TurnMemory | undefined {
    return this.#sessions.get(sessionId);
  }

  remember(sessionId: string, memory: TurnMemory): void {
    this.#sessions.set(sessionId, memory);
  }
}
