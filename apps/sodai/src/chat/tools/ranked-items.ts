import type { ChatEntities, ChatPeriod, Lang } from '../../contract/api.ts';
import type { Row } from '../data-source.ts';
import { productLabel } from '../format.ts';
import { attributesOf } from './product-rows.ts';
import type { ToolRequest } from './toolbox.ts';

/**
 * What the movers and the slow movers rank, products or (when the question ranks brands) brands,
 * and the entities they rank over in `period`. A brand named in the question filters products but
 * not a brand ranking: the brands ranked against one brand would be that brand alone.
 */
export function productsOrBrands(
  req: ToolRequest,
  period: ChatPeriod,
): { readonly byBrand: boolean; readonly entities: ChatEntities & { readonly period: ChatPeriod } } {
  const byBrand = req.entities.group_by === 'brand';
  const { brand: _named, ...unbranded } = req.entities;
  return { byBrand, entities: { ...(byBrand ? unbranded : req.entities), period } };
}

/** A ranked row's `item` in words: the brand, or "producto 20230 (Brand 7, botella 0,25 L)". */
export function itemWords(r: Row, byBrand: boolean, lang: Lang): string {
  return byBrand ? String(r.item) : productLabel(Number(r.item), attributesOf(r), lang);
}
