import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatAssistant, TOOLS } from '../src/chat/assistant.ts';
import { ChatAttributeSchema } from '../src/contract/api.ts';
import { duckDbChatSource } from '../src/chat/data-source.ts';
import { inventedNumbers, numbersIn } from '../src/chat/llm/number-check.ts';
import { LlmPhraser } from '../src/chat/llm/llm-phraser.ts';
import { queryNumber } from '../src/store/duckdb.ts';
import { DbLane } from '../src/store/db-lane.ts';
import { serveFixture, type ServeFixture } from './serve-fixture.ts';

/** A scripted OpenAI-compatible server: each request gets the next scripted reply. */
function scriptedLlm(): {
  server: Server;
  url: () => string;
  script: (replies: unknown[]) => void;
  requests: unknown[];
} {
  let queue: unknown[] = [];
  const requests: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      requests.push(JSON.parse(body));
      const next = queue.shift();
      if (next === 'hang') return; // never answers: the client times out
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [{ message: next }] }));
    });
  });
  return {
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    script: (replies) => (queue = [...replies]),
    requests,
  };
}

const toolCall = (name: string, args: object) => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: JSON.stringify(args) } }],
});

let fx: ServeFixture;
let llm: ReturnType<typeof scriptedLlm>;
let assistant: ChatAssistant;
let restaurants: number;

beforeAll(async () => {
  fx = await serveFixture();
  llm = scriptedLlm();
  await new Promise<void>((resolve) => llm.server.listen(0, '127.0.0.1', resolve));
  assistant = new ChatAssistant({
    data: duckDbChatSource(new DbLane(fx.store.connection)),
    serving: { current: () => undefined },
    now: () => new Date(),
  });
  restaurants = await queryNumber(
    fx.store.connection,
    "SELECT count(*) FROM customers WHERE customer_type = 'RESTAURANT'",
  );
});

afterAll(async () => {
  await new Promise((resolve) => llm.server.close(resolve));
  await fx?.close();
});

const phraser = (timeoutMs = 2000) => new LlmPhraser({ baseUrl: llm.url(), model: 'scripted', timeoutMs });

describe('the optional LLM path', () => {
  it('routes the question to a tool by function calling and phrases the answer with its numbers', async () => {
    llm.script([
      toolCall('count_customers', { customer_type: 'RESTAURANT' }),
      { role: 'assistant', content: `Tenemos ${restaurants} restaurantes como clientes.` },
    ]);
    const reply = await assistant.ask({ message: 'dime cuántos restaurantes hay' }, phraser());
    expect(reply).toMatchObject({
      source: 'llm',
      intent: 'count_customers',
      entities: { customer_type: 'RESTAURANT' },
    });
    expect(reply.answer).toBe(`Tenemos ${restaurants} restaurantes como clientes.`);
    // The tool result went back to the LLM as the tool message.
    const second = llm.requests.at(-1) as { messages: { role: string; content: string }[] };
    expect(second.messages.at(-1)!.role).toBe('tool');
    expect(second.messages.at(-1)!.content).toContain(String(restaurants));
  });

  it('refuses an answer with a number the tools did not give, and answers with the tool figures', async () => {
    const invented = restaurants + 37;
    llm.script([
      toolCall('count_customers', { customer_type: 'RESTAURANT' }),
      { role: 'assistant', content: `Hay ${invented} restaurantes.` },
    ]);
    const reply = await assistant.ask({ message: '¿Cuántos restaurantes hay?' }, phraser());
    expect(reply.source).toBe('rules');
    expect(reply.answer).not.toContain(String(invented));
    expect(reply.answer).toContain(`Hay ${restaurants} restaurantes`);
    expect(reply.based_on.join(' ')).toContain(`cifras sin respaldo (${invented})`);
  });

  it('can ask the top-products tool for brands', async () => {
    llm.script([
      toolCall('top_products', { group_by: 'brand' }),
      { role: 'assistant', content: 'Estas son las marcas que más se venden.' },
    ]);
    // The rules alone read products here: the brands come from the tool call.
    const reply = await assistant.ask({ message: 'lo más vendido' }, phraser());
    expect(reply).toMatchObject({ source: 'llm', intent: 'top_products', entities: { group_by: 'brand' } });
    const tool = llm.requests.at(-1) as { messages: { role: string; content: string }[] };
    expect(tool.messages.at(-1)!.content).toContain('"brands"');
  });

  it('falls back to the built-in answer when the LLM times out', async () => {
    llm.script(['hang']);
    const started = Date.now();
    const reply = await assistant.ask({ message: '¿Cuántos restaurantes hay?' }, phraser(300));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(reply).toMatchObject({ source: 'rules', intent: 'count_customers' });
    expect(reply.answer).toContain(`Hay ${restaurants} restaurantes`);
  });
});

interface OfferedTool {
  function: { name: string; parameters: { properties: Record<string, { enum?: string[] }> } };
}

// The LLM was offered group_by 'brand' only and no share_of, rank_by, direction, scope or second
// period: a question it routed to the share of sales or the customers with fewest orders lost them.
describe('the LLM is offered what the toolbox can do', () => {
  it('offers one function per tool, with every attribute to split or rank by', async () => {
    llm.script([
      { role: 'assistant', content: 'Hola.' },
      { role: 'assistant', content: 'Hola.' },
    ]);
    await assistant.ask({ message: 'lo más vendido' }, phraser());
    const first = llm.requests.at(-2) as { tools: OfferedTool[] };
    expect(first.tools.map((t) => t.function.name).sort()).toEqual(Object.keys(TOOLS).sort());
    const properties = first.tools[0]!.function.parameters.properties;
    expect(properties.group_by!.enum).toEqual(ChatAttributeSchema.options);
    expect(properties.share_of!.enum).toEqual(ChatAttributeSchema.options);
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining([
        'rank_by',
        'direction',
        'scope',
        'compare_from',
        'compare_to',
        'sub_category',
        'threshold_op',
        'threshold_value',
        'threshold_to',
        'threshold_of',
      ]),
    );
  });

  it('a share_of call reaches the share-of-sales tool with the value asked', async () => {
    llm.script([
      toolCall('sales_share', { package: 'LATA', share_of: 'package' }),
      { role: 'assistant', content: 'Esa es la participación de las latas.' },
    ]);
    const reply = await assistant.ask({ message: 'cuánto pesan las latas' }, phraser());
    expect(reply).toMatchObject({ source: 'llm', intent: 'sales_share', entities: { share_of: 'package' } });
    const sent = llm.requests.at(-1) as { messages: { content: string }[] };
    expect(JSON.parse(sent.messages.at(-1)!.content).data).toMatchObject({
      attribute: 'package',
      value: 'LATA',
    });
  });

  it('a rank_by call ranks the small customers by their orders', async () => {
    llm.script([
      toolCall('small_customers', { rank_by: 'orders' }),
      { role: 'assistant', content: 'Estos clientes piden poco.' },
    ]);
    const reply = await assistant.ask({ message: 'clientes que piden poco' }, phraser());
    expect(reply.entities.rank_by).toBe('orders');
    expect(reply.based_on).toContain('pedidos, luego unidades compradas');
  });

  it('a compare_from / compare_to call compares the two periods', async () => {
    llm.script([
      toolCall('compare_periods', {
        period_from: '2024-04-01',
        period_to: '2024-04-30',
        compare_from: '2024-03-01',
        compare_to: '2024-03-31',
      }),
      { role: 'assistant', content: 'Comparación lista.' },
    ]);
    const reply = await assistant.ask({ message: 'compara las ventas' }, phraser());
    expect(reply.entities.compare_to).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
  });

  it('a threshold call lists the customers past the bar', async () => {
    llm.script([
      toolCall('top_customers', { threshold_op: 'between', threshold_value: 10, threshold_to: 50 }),
      { role: 'assistant', content: 'Estos clientes están en el rango.' },
    ]);
    const reply = await assistant.ask({ message: 'clientes medianos' }, phraser());
    expect(reply.entities.threshold).toEqual({ op: 'between', value: 10, to: 50, of: 'units' });
    const sent = llm.requests.at(-1) as { messages: { content: string }[] };
    expect(JSON.parse(sent.messages.at(-1)!.content).data).toMatchObject({
      threshold: { op: 'between', value: 10, to: 50 },
    });
  });
});

describe('number checks', () => {
  it('reads numbers in either locale and accepts rounded percentages', () => {
    expect(numbersIn('1.569 clientes')[0]!.readings.map((r) => r.value)).toEqual([1569, 1.569]);
    expect(inventedNumbers('el 42 % y 1.569 clientes', [0.4231, 1569])).toEqual([]);
    expect(inventedNumbers('about 43%', [0.4231])).toEqual(['43']);
  });
});
