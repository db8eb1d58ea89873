import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatAssistant } from '../src/chat/assistant.ts';
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

describe('number checks', () => {
  it('reads numbers in either locale and accepts rounded percentages', () => {
    expect(numbersIn('1.569 clientes')[0]!.readings.map((r) => r.value)).toEqual([1569, 1.569]);
    expect(inventedNumbers('el 42 % y 1.569 clientes', [0.4231, 1569])).toEqual([]);
    expect(inventedNumbers('about 43%', [0.4231])).toEqual(['43']);
  });
});
