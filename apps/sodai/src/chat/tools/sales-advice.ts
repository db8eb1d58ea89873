import { agree, countOf, NOUN, type Noun } from '../count-words.ts';
import type { Lang, RecommendFilters } from '../../contract/api.ts';
import { recommend } from '../../scoring/recommender.ts';
import type { ServingModel } from '../../scoring/serving-model.ts';
import {
  customerTypeWords,
  isFeminineType,
  formatDay,
  formatNumber,
  formatPercent,
  productDescription,
  productLabel,
  say,
} from '../format.ts';
import { catalogFilter, describeFilters, periodOr4Weeks } from './filters.ts';
import type { SqlValue } from '../data-source.ts';
import { capitalize, scorerLabel } from '../scorer-label.ts';
import {
  column,
  needsCustomer,
  needsProduct,
  noTransactions,
  table,
  unknownCustomer,
  unknownProduct,
} from './answers.ts';
import { rowsWanted, type Tool, type ToolAnswer, type ToolRequest } from './toolbox.ts';
import { weekOf, withModel } from './with-model.ts';

function customerCheck(model: ServingModel, req: ToolRequest): ToolAnswer | undefined {
  const id = req.entities.customer_id;
  if (id === undefined) return needsCustomer(req.lang);
  if (req.customerText || !model.catalog.customers.has(id))
    return unknownCustomer(req.customerText ?? String(id), req.lang, req.vocab.lastDay);
  return undefined;
}

/**
 * "¿Qué probabilidad hay de que compre algo?": how many products the model expects the customer to
 * buy and how many clear the threshold, with a leading space.
 */
function expectedSentence(
  expected: { readonly expected: number; readonly aboveThreshold: number },
  lang: Lang,
): string {
  const n = formatNumber(expected.expected, lang, 1);
  const above = countOf(expected.aboveThreshold, lang, NOUN.product);
  return say(
    lang,
    ` En total el modelo espera que compre unos ${n} productos distintos esa semana; ${above} superan el umbral de recomendación.`,
    ` In all the model expects about ${n} different products to be bought that week; ${above} clear the recommendation threshold.`,
  );
}

/** What to offer a customer this week: the champion's ranking, popular products for cold starts. */
export const recommendTool: Tool = async (box, req) =>
  withModel(box, req, (model) => {
    const problem = customerCheck(model, req);
    if (problem) return problem;
    const { lang, entities } = req;
    const id = entities.customer_id!;
    const k = rowsWanted(entities);
    const filters: RecommendFilters = {
      ...(entities.brand !== undefined ? { brand: entities.brand } : {}),
      ...(entities.category !== undefined ? { category: entities.category } : {}),
      ...(entities.segment !== undefined ? { segment: entities.segment } : {}),
      ...(entities.package !== undefined ? { package: entities.package } : {}),
    };
    // "Que no sea el 1370": one more asked for, so the list keeps its length without it.
    const except = req.offerExcept;
    const result = recommend(
      model,
      { customer_id: id, k: req.offset + k + (except === undefined ? 0 : 1), filters, exclude_recent: false },
      lang,
    );
    const items = result.recommendations
      .filter((r) => r.product_id !== except)
      .slice(req.offset, req.offset + k);
    const customer = model.catalog.customers.get(id)!;
    const filterWords = describeFilters(entities, lang);
    const basedOn = [
      scorerLabel(model, lang),
      say(lang, `predicción para ${weekOf(model, lang)}`, `prediction for ${weekOf(model, lang)}`),
      ...(filterWords.length
        ? [say(lang, `filtros: ${filterWords.join(', ')}`, `filters: ${filterWords.join(', ')}`)]
        : []),
      ...(except !== undefined ? [say(lang, `sin el producto ${except}`, `without product ${except}`)] : []),
      ...(result.cold_start
        ? [
            say(
              lang,
              `sin historial reciente: productos populares entre ${customerTypeWords(customer.customerType, lang)}`,
              `no recent history: products popular with ${customerTypeWords(customer.customerType, lang)}`,
            ),
          ]
        : []),
    ];
    if (items.length === 0) {
      return {
        text: say(
          lang,
          `No tengo más productos que sugerir al cliente ${id}${filterWords.length ? ` con ${filterWords.join(', ')}` : ''}.`,
          `I have no more products to suggest to customer ${id}${filterWords.length ? ` with ${filterWords.join(', ')}` : ''}.`,
        ),
        answered: true,
        basedOn,
        data: { customer: id, recommendations: [] },
        shown: 0,
      };
    }
    const expected = result.cold_start ? undefined : model.expectedPurchases(id);
    const lines = items.map((r) => `${productLabel(r.product_id, r.attributes, lang)}: ${r.reason}`);
    const text =
      say(
        lang,
        `Para ${weekOf(model, lang)} le ofrecería al cliente ${id} (${customerTypeWords(customer.customerType, lang, false)})${except === undefined ? '' : `, aparte del producto ${except}`}: ${lines.join('; ')}.`,
        `For ${weekOf(model, lang)} I would offer customer ${id} (${customerTypeWords(customer.customerType, lang, false)})${except === undefined ? '' : `, besides product ${except}`}: ${lines.join('; ')}.`,
      ) + (req.offset === 0 && expected ? expectedSentence(expected, lang) : '');
    return {
      text,
      answered: true,
      basedOn,
      table: table(
        [
          ['#', true],
          column('product', lang),
          column('description', lang),
          [say(lang, 'Probabilidad', 'Probability'), true],
          [say(lang, 'Motivo', 'Reason'), false],
        ],
        items.map((r) => [
          String(req.offset + r.rank - req.offset),
          String(r.product_id),
          productDescription(r.attributes, lang),
          r.source === 'popular' ? '—' : formatPercent(r.score, lang),
          r.reason,
        ]),
      ),
      data: {
        customer: id,
        model_version: model.version,
        cold_start: result.cold_start,
        ...(expected
          ? { expected_products: expected.expected, above_threshold: expected.aboveThreshold }
          : {}),
        recommendations: items.map((r) => ({
          product: r.product_id,
          probability: r.source === 'popular' ? null : r.score,
          from: r.source,
        })),
      },
      products: items.map((r) => r.product_id),
      customers: [id],
      shown: items.length,
      suggestions: [
        say(lang, '¿Por qué?', 'Why?'),
        say(lang, 'Muéstrame más', 'Show me more'),
        say(lang, `¿Qué compró el cliente ${id} el último mes?`, `What did customer ${id} buy last month?`),
      ],
    };
  });

/** Why a product is recommended to a customer: its purchase rhythm and what the model weighed. */
export const explainTool: Tool = async (box, req) =>
  withModel(box, req, (model) => {
    const problem = customerCheck(model, req);
    if (problem) return problem;
    const { lang, entities } = req;
    const productId = entities.product_id;
    if (productId === undefined) return needsProduct(lang);
    if (req.productText || !model.catalog.products.has(productId))
      return unknownProduct(req.productText ?? String(productId), lang);
    const customerId = entities.customer_id!;
    const p = model.predict(customerId, productId, lang);
    const ranking = recommend(
      model,
      { customer_id: customerId, k: 20, exclude_recent: false },
      lang,
    ).recommendations;
    const position = ranking.find((r) => r.product_id === productId);
    const product = model.catalog.products.get(productId)!;
    const top = p.contributions.filter((c) => c.contribution > 0).slice(0, 3);
    const against = p.contributions.filter((c) => c.contribution < 0).slice(0, 2);
    const pct = formatPercent(p.probability, lang);
    const threshold = formatPercent(p.threshold, lang);
    const rankText = position
      ? say(
          lang,
          `Está en el puesto ${position.rank} de sus recomendaciones (${position.reason}).`,
          `It is number ${position.rank} in their recommendations (${position.reason}).`,
        )
      : say(
          lang,
          'No está entre sus 20 primeras recomendaciones.',
          'It is not among their top 20 recommendations.',
        );
    const text = say(
      lang,
      `${rankText} ${capitalize(scorerLabel(model, 'es'))} estima una probabilidad de ${pct} de que el cliente ${customerId} compre el ${productLabel(productId, product.attributes, lang)} en ${weekOf(model, lang)} (se recomienda desde ${threshold}). ${top.length ? `A favor: ${top.map((c) => c.label).join('; ')}.` : ''}${against.length ? ` En contra: ${against.map((c) => c.label).join('; ')}.` : ''}`,
      `${rankText} ${capitalize(scorerLabel(model, 'en'))} gives customer ${customerId} a ${pct} probability of buying ${productLabel(productId, product.attributes, lang)} in ${weekOf(model, lang)} (recommended from ${threshold}). ${top.length ? `For: ${top.map((c) => c.label).join('; ')}.` : ''}${against.length ? ` Against: ${against.map((c) => c.label).join('; ')}.` : ''}`,
    ).trim();
    return {
      text,
      answered: true,
      basedOn: [
        scorerLabel(model, lang),
        say(
          lang,
          `contribuciones SHAP aproximadas del par cliente ${customerId} × producto ${productId}`,
          `approximate SHAP contributions of customer ${customerId} × product ${productId}`,
        ),
      ],
      table: table(
        [
          [say(lang, 'Factor', 'Factor'), false],
          [say(lang, 'Valor', 'Value'), true],
          [say(lang, 'Efecto', 'Effect'), false],
        ],
        p.contributions.map((c) => [
          c.label,
          c.value === null ? '—' : formatNumber(c.value, lang, 2),
          c.contribution > 0 ? say(lang, '▲ a favor', '▲ for') : say(lang, '▼ en contra', '▼ against'),
        ]),
      ),
      chart: {
        kind: 'bar',
        title: say(lang, 'Qué pesa en la predicción', 'What drives the prediction'),
        labels: p.contributions.map((c) => c.label),
        series: [
          {
            name: say(lang, 'contribución', 'contribution'),
            values: p.contributions.map((c) => Number(c.contribution.toFixed(3))),
          },
        ],
      },
      data: {
        customer: customerId,
        product: productId,
        probability: p.probability,
        threshold: p.threshold,
        rank: position?.rank ?? null,
        model_version: model.version,
      },
      products: [productId],
      customers: [customerId],
    };
  });

/** Which customers are most likely to buy a product next week. */
export const likelyBuyersTool: Tool = async (box, req) =>
  withModel(box, req, (model) => {
    const { lang, entities } = req;
    const productId = entities.product_id;
    if (productId === undefined) return needsProduct(lang);
    if (req.productText || !model.catalog.products.has(productId))
      return unknownProduct(req.productText ?? String(productId), lang);
    const scored: { customer: number; score: number; usual: boolean }[] = [];
    for (const customer of model.catalog.customers.values()) {
      if (entities.customer_type !== undefined && customer.customerType !== entities.customer_type) continue;
      const row = model.features.findRow(customer.id, productId);
      if (row < 0) continue;
      scored.push({
        customer: customer.id,
        score: model.scores[row]!,
        usual: model.features.matrix.fromHistory[row] === 1,
      });
    }
    scored.sort((a, b) => b.score - a.score || a.customer - b.customer);
    const k = rowsWanted(entities);
    const items = scored.slice(req.offset, req.offset + k);
    const product = model.catalog.products.get(productId)!;
    const above = scored.filter((s) => s.score >= model.threshold).length;
    const label = productLabel(productId, product.attributes, lang);
    const text =
      items.length === 0
        ? say(
            lang,
            `Ningún cliente${entities.customer_type ? ` (${customerTypeWords(entities.customer_type, lang)})` : ''} tiene el ${label} entre sus candidatos de ${weekOf(model, lang)}.`,
            `No customer${entities.customer_type ? ` (${customerTypeWords(entities.customer_type, lang)})` : ''} has ${label} among their candidates for ${weekOf(model, lang)}.`,
          )
        : say(
            lang,
            `Para ${weekOf(model, lang)}, ${countOf(above, lang, NOUN.customer)} ${agree(above, ['supera', 'superan'])} el umbral de compra del ${label}. Los más probables: ${items.map((i) => `cliente ${i.customer} (${formatPercent(i.score, lang)})`).join(', ')}.`,
            `For ${weekOf(model, lang)}, ${countOf(above, lang, NOUN.customer)} ${agree(above, ['is', 'are'])} above the buying threshold for ${label}. Most likely: ${items.map((i) => `customer ${i.customer} (${formatPercent(i.score, lang)})`).join(', ')}.`,
          );
    return {
      text,
      answered: true,
      basedOn: [
        scorerLabel(model, lang),
        say(lang, `predicción para ${weekOf(model, lang)}`, `prediction for ${weekOf(model, lang)}`),
        ...describeFilters(entities, lang),
      ],
      table: table(
        [
          column('customer', lang),
          column('type', lang),
          [say(lang, 'Probabilidad', 'Probability'), true],
          [say(lang, 'Ya lo compra', 'Buys it already'), false],
        ],
        items.map((i) => [
          String(i.customer),
          customerTypeWords(model.catalog.customers.get(i.customer)?.customerType ?? null, lang, false),
          formatPercent(i.score, lang),
          i.usual ? say(lang, 'sí', 'yes') : say(lang, 'no', 'no'),
        ]),
      ),
      data: {
        product: productId,
        above_threshold: above,
        buyers: items.map((i) => ({ customer: i.customer, probability: i.score })),
      },
      products: [productId],
      customers: items.map((i) => i.customer),
      shown: items.length,
    };
  });

/** Customers who stopped buying a product (or a brand), or stopped buying at all. */
export const lapsedCustomersTool: Tool = async (box, req) => {
  const { lang, entities, vocab } = req;
  if (!vocab.lastDay) return noTransactions(lang);
  if (req.productText || (entities.product_id !== undefined && !vocab.productIds.has(entities.product_id))) {
    return unknownProduct(req.productText ?? String(entities.product_id), lang);
  }
  // Quiet since the start of the period the question names ("hace 3 semanas"), else four weeks; lost
  // in a long period ("este año"): bought in it, quiet the last four weeks.
  const lostIn = req.lostInPeriod ? entities.period : undefined;
  const quiet = periodOr4Weeks(lostIn ? { ...req, entities: { ...entities, period: undefined } } : req)!;
  // Any product filter the question names narrows what they stopped buying ("que clientes dejaron
  // de comprar latas"), the customer type who they are.
  const f = catalogFilter(entities, 2);
  const params: SqlValue[] = [quiet.from, ...f.params];
  const conditions: string[] = [f.where];
  if (entities.product_id !== undefined) {
    params.push(entities.product_id);
    conditions.push(`t.product_id = $${params.length}`);
  }
  const lostSince = lostIn ? `AND b.last_day >= $${params.push(lostIn.from)}::DATE` : '';
  const k = rowsWanted(entities);
  const rows = await box.data.query(
    `WITH bought AS (
       SELECT t.customer_id, max(t.purchase_date)::DATE AS last_day, count(DISTINCT t.order_id) AS orders, sum(t.items) AS units
       FROM transactions t JOIN products p USING (product_id) JOIN customers c USING (customer_id)
       WHERE ${conditions.length ? conditions.join(' AND ') : 'TRUE'}
       GROUP BY t.customer_id HAVING count(DISTINCT t.order_id) >= 2)
     SELECT b.customer_id::DOUBLE AS customer, b.last_day::VARCHAR AS last_day, b.orders::DOUBLE AS orders,
            b.units::DOUBLE AS units, c.customer_type, count(*) OVER ()::DOUBLE AS total
     FROM bought b JOIN customers c USING (customer_id)
     WHERE b.last_day < $1::DATE ${lostSince}
     ORDER BY b.units DESC, b.customer_id LIMIT ${k} OFFSET ${req.offset}`,
    params,
  );
  const total = rows.length ? Number(rows[0]!.total) : 0;
  // Without a product or brand the customers stopped buying altogether: "stopped buying nothing"
  // would read as the opposite.
  const products = describeFilters({ ...entities, brand: undefined, customer_type: undefined }, lang);
  const what =
    entities.product_id !== undefined
      ? say(lang, `el producto ${entities.product_id}`, `product ${entities.product_id}`)
      : entities.brand !== undefined
        ? [say(lang, `la marca ${entities.brand}`, `brand ${entities.brand}`), ...products].join(', ')
        : products.length > 0
          ? products.join(', ')
          : null;
  // "Which wholesalers stopped buying?": they are named as the type asked for, not as customers.
  const type = entities.customer_type ?? null;
  const who: Noun = {
    es: [customerTypeWords(type, 'es', false), customerTypeWords(type, 'es')],
    en: [customerTypeWords(type, 'en', false), customerTypeWords(type, 'en')],
  };
  const regular: Noun = {
    es: [`${who.es[0]} habitual`, `${who.es[1]} habituales`],
    en: [`regular ${who.en[0]}`, `regular ${who.en[1]}`],
  };
  const window = `${formatDay(quiet.from, lang)} – ${formatDay(quiet.to, lang)}`;
  // Labels read after "en"/"in" unless they carry their own preposition ("desde octubre", "last week").
  const bare = lang === 'es' ? /^(?:en|desde|est[ae]) / : /^(?:in|since|last|this) /;
  const since = `${bare.test(quiet.label) ? '' : say(lang, 'en ', 'in ')}${quiet.label} (${window})`;
  const biggest = rows
    .map((r) =>
      say(
        lang,
        `cliente ${r.customer} (última compra ${formatDay(String(r.last_day), lang)})`,
        `customer ${r.customer} (last purchase ${formatDay(String(r.last_day), lang)})`,
      ),
    )
    .join(', ');
  const none = say(
    lang,
    `${isFeminineType(type) ? 'Ninguna' : 'Ningún'} ${regular.es[0]}`,
    `No ${regular.en[0]}`,
  );
  const lead = lostIn
    ? say(
        lang,
        `Clientes perdidos ${lostIn.label} (${formatDay(lostIn.from, lang)} – ${formatDay(lostIn.to, lang)}), los que compraron en él y ya no: `,
        `Customers lost ${lostIn.label} (${formatDay(lostIn.from, lang)} – ${formatDay(lostIn.to, lang)}), who bought in it and no longer do: `,
      )
    : '';
  const text =
    lead +
    (total === 0
      ? what === null
        ? say(lang, `${none} dejó de comprar ${since}.`, `${none} stopped buying ${since}.`)
        : say(lang, `${none} dejó de comprar ${what} ${since}.`, `${none} stopped buying ${what} ${since}.`)
      : what === null
        ? say(
            lang,
            `${countOf(total, lang, regular)} (2 pedidos o más) no ${agree(total, ['ha', 'han'])} comprado nada ${since}. ${agree(total, ['Es el', 'Los de mayor volumen:'])} ${biggest}.`,
            `${countOf(total, lang, regular)} (2 orders or more) ${agree(total, ['has', 'have'])} bought nothing ${since}. ${agree(total, ['It is', 'The biggest:'])} ${biggest}.`,
          )
        : say(
            lang,
            `${countOf(total, lang, who)} que ${agree(total, ['compraba', 'compraban'])} ${what} (2 pedidos o más) no lo ${agree(total, ['ha', 'han'])} hecho ${since}. ${agree(total, ['Es el', 'Los de mayor volumen:'])} ${biggest}.`,
            `${countOf(total, lang, who)} who used to buy ${what} (2 orders or more) ${agree(total, ['has', 'have'])} not ${since}. ${agree(total, ['It is', 'The biggest:'])} ${biggest}.`,
          ));
  return {
    text,
    answered: true,
    basedOn: [
      say(
        lang,
        `transacciones hasta el ${formatDay(vocab.lastDay, lang)}`,
        `transactions up to ${formatDay(vocab.lastDay, lang)}`,
      ),
      say(lang, `sin compras ${since}`, `no purchase ${since}`),
      ...describeFilters(entities, lang),
    ],
    table: table(
      [
        column('customer', lang),
        column('type', lang),
        column('lastPurchase', lang),
        column('orders', lang),
        column('units', lang),
      ],
      rows.map((r) => [
        String(r.customer),
        customerTypeWords((r.customer_type as string | null) ?? null, lang, false),
        formatDay(String(r.last_day), lang),
        formatNumber(Number(r.orders), lang),
        formatNumber(Number(r.units), lang),
      ]),
    ),
    data: { lapsed: total, customers: rows.map((r) => Number(r.customer)) },
    customers: rows.map((r) => Number(r.customer)),
    shown: rows.length,
  };
};
