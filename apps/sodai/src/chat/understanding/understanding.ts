import type { ChatEntities, ChatIntent } from '../../contract/api.ts';
import type { Courtesy } from './courtesy.ts';
import type { MissingData } from './missing-data-words.ts';
import type { ProductKind } from './product-kind-words.ts';
import type { QuestionFlags } from './question-flags.ts';

/** A question understood: what it asks, about what, and where to continue a list. */
export interface Understanding extends QuestionFlags {
  readonly intent: ChatIntent;
  readonly entities: ChatEntities;
  /** Rows of the answer's list to skip ("show more"). */
  readonly offset: number;
  /**
   * "Más porfa", "show more": the next rows of the previous list, or a previous answer that was no
   * list, or nothing before it to continue.
   */
  readonly more?: MoreOf;
  /** Margins, prices, stock …: data the platform does not have, which the question asks for. */
  readonly missing?: readonly MissingData[];
  /** Whether the previous turn filled in something this question left out. */
  readonly usedContext: boolean;
  /** The part of a two-part question no rule could read, said to be left unanswered. */
  readonly unanswered?: string;
  /** The second question of a two-part one, answered after this one ({@link understandSecondPart}). */
  readonly secondPart?: string;
  /** What a message that asks nothing says ("gracias", "ok, perfecto"): intent `small_talk`. */
  readonly courtesy?: Courtesy;
  /** "¿Qué cliente compra más cerveza?" when the catalogue holds no beer: said, not ranked (intent `unknown`). */
  readonly notInCatalogue?: ProductKind;
}

/** What a request for more continues. */
export type MoreOf = 'next_rows' | 'not_a_list' | 'nothing_before';

/** Entities while a question is being read: rules fill in and replace them one by one. */
export type WritableEntities = { -readonly [K in keyof ChatEntities]: ChatEntities[K] };
