import type { Lang } from '../contract/api.ts';

/** Example questions per family, for the help answer and the UI. */
export function exampleQuestions(lang: Lang, customer = 100001, product = 20001): Record<string, string[]> {
  return lang === 'es'
    ? {
        ventas: [
          `¿Qué le ofrezco al cliente ${customer} esta semana?`,
          `¿Por qué recomiendas el producto ${product} al cliente ${customer}?`,
          `¿Qué clientes comprarán el producto ${product} la próxima semana?`,
          '¿Quiénes dejaron de comprar?',
        ],
        historial: [
          `¿Qué compró el cliente ${customer} el último mes?`,
          `¿Cuál es la canasta habitual del cliente ${customer}?`,
          '¿Qué productos se vendieron más la semana pasada?',
          '¿Qué marcas se venden más?',
          '¿Quiénes son los 5 mejores clientes del último mes?',
          `¿Quién compró el producto ${product} el último mes?`,
          '¿Qué productos están creciendo?',
          '¿Qué productos nuevos hay este mes?',
          '¿Qué productos se venden menos?',
          '¿Qué clientes compran poco?',
          `¿Cuál es la marca favorita del cliente ${customer}?`,
          '¿Cuál es el tamaño promedio de pedido?',
          '¿Qué porcentaje de clientes son restaurantes?',
          '¿Qué porcentaje de las ventas son latas?',
          '¿Cómo van las ventas de latas?',
        ],
        modelo: [
          '¿Qué versión del modelo está en producción?',
          '¿Cuál fue el F1 del modelo la semana pasada?',
          '¿Hay drift?',
        ],
        operaciones: [
          '¿Cómo fue la última corrida del pipeline?',
          '¿Cuándo es la próxima corrida?',
          '¿Cuántas filas quedaron en cuarentena en el último lote?',
        ],
      }
    : {
        sales: [
          `What should I offer customer ${customer} this week?`,
          `Why do you recommend product ${product} to customer ${customer}?`,
          `Which customers will buy product ${product} next week?`,
          'Who stopped buying?',
        ],
        history: [
          `What did customer ${customer} buy last month?`,
          `What is customer ${customer}'s usual basket?`,
          'Which products sold the most last week?',
          'Which brands sell the most?',
          'Who were the 5 best customers last month?',
          `Who bought product ${product} last month?`,
          'Which brands are declining?',
          'What new products sold this month?',
          'What are the slow movers?',
          'Which customers buy the least?',
          `What is customer ${customer}'s favorite brand?`,
          'What is the average order size?',
          'What % of customers are restaurants?',
          'What % of sales are cans?',
          'How are can sales trending?',
        ],
        model: [
          'Which model version is in production?',
          "What was the model's F1 last week?",
          'Did the model drift?',
        ],
        operations: [
          'How did the last pipeline run go?',
          'When is the next run?',
          'How many rows were quarantined in the last batch?',
        ],
      };
}

/**
 * A few example questions for someone who only said hello: one to advise, one on what sells and one
 * on who stopped buying, the questions a sales person starts with.
 */
export function greetingExamples(lang: Lang, customer?: number, product?: number): string[] {
  const families = Object.values(exampleQuestions(lang, customer, product));
  const [advice, history] = families;
  return [advice?.[0], history?.[2], advice?.[3]].filter((q): q is string => q !== undefined);
}

/** The help answer: what can be asked, with one example per family. */
export function helpText(lang: Lang, customer?: number, product?: number): string {
  const families = exampleQuestions(lang, customer, product);
  const lines = Object.entries(families).map(([family, qs]) => `${family}: "${qs[0]}"`);
  return lang === 'es'
    ? `Puedo responder sobre ventas (qué ofrecer, por qué, quién comprará, quién dejó de comprar), historial (qué compró un cliente, su canasta, sus marcas favoritas, quién compró un producto, los mejores clientes, los productos y marcas más vendidos y los que menos se venden, los clientes que menos compran, cuáles suben o bajan, los productos nuevos, tendencias, comparaciones, el tamaño promedio de pedido, cuántos clientes hay de cada tipo, qué parte de las ventas es de latas, una marca o un segmento), el modelo (versión, desempeño, qué pesa, drift) y operaciones (corridas, lotes). Por ejemplo — ${lines.join('; ')}.`
    : `I can answer about sales (what to offer, why, who will buy, who stopped buying), history (what a customer bought, their basket, their favorite brands, who bought a product, the best customers, best-selling products and brands and the slow movers, the customers who buy least, what is rising or falling, new products, trends, comparisons, the average order size, the share of each type of customer, the share of sales of cans, a brand or a segment), the model (version, performance, drivers, drift) and operations (runs, batches). For example — ${lines.join('; ')}.`;
}

/**
 * What the assistant can do, one line a capability with an example question each, for "¿cómo te
 * uso?" and "what can you do?": shorter than {@link helpText}, which also follows a question it
 * could not answer.
 */
export function capabilityList(lang: Lang, customer = 100001, product = 20001): string {
  const lines: readonly (readonly [string, string])[] =
    lang === 'es'
      ? [
          ['Qué ofrecer a un cliente y por qué', `¿Qué le ofrezco al cliente ${customer} esta semana?`],
          ['Quién comprará un producto', `¿Qué clientes comprarán el producto ${product} la próxima semana?`],
          ['Qué compró un cliente', `¿Qué compró el cliente ${customer} el último mes?`],
          ['Rankings de productos, marcas y clientes', '¿Qué es lo más vendido en minimarkets?'],
          ['Clientes que dejaron de comprar o que son nuevos', '¿Quiénes dejaron de comprar?'],
          ['Ventas, tendencias y comparaciones', '¿Cómo van las ventas de latas?'],
          ['El modelo y las corridas semanales', '¿Qué versión del modelo está en producción?'],
        ]
      : [
          ['What to offer a customer, and why', `What should I offer customer ${customer} this week?`],
          ['Who will buy a product', `Which customers will buy product ${product} next week?`],
          ['What a customer bought', `What did customer ${customer} buy last month?`],
          ['Rankings of products, brands and customers', 'What are the top sellers in minimarkets?'],
          ['Customers who stopped buying or are new', 'Who stopped buying?'],
          ['Sales, trends and comparisons', 'How are can sales trending?'],
          ['The model and the weekly runs', 'Which model version is in production?'],
        ];
  const intro =
    lang === 'es'
      ? 'Respondo con los datos de clientes, productos y unidades vendidas. Puede preguntarme:'
      : 'I answer from the data on customers, products and units sold. You can ask me:';
  const outro =
    lang === 'es'
      ? 'Después de una lista, pida «más» para ver las siguientes filas. No tengo precios, costos, márgenes ni stock.'
      : 'After a list, ask for "more" to see the next rows. I have no prices, costs, margins or stock.';
  const quote = (q: string) => (lang === 'es' ? `«${q}»` : `"${q}"`);
  return [intro, ...lines.map(([what, q]) => `• ${what}: ${quote(q)}`), outro].join('\n');
}
