import { describe, expect, it } from 'vitest';
import { useChatServer } from './chat-server.ts';

// "¿Y en noviembre?" after "¿qué cliente devolvió más productos en diciembre?" gave the top
// customers by purchases: a follow-up that swaps the period, the customer or the product asked the
// previous question's intent with the new entities but dropped what it asked beyond them (returns,
// a weekly average, regular buyers, a weekday …). It now asks the same question again, so its answer
// is the one the whole question gets when asked afresh (itself checked against SQL in its own test).
const server = useChatServer();
let session = 0;
const newSession = () => `keeps-what-was-asked-${String(session++).padStart(4, '0')}`;

async function followUpAndDirect(first: string, then: string, direct: string) {
  const sid = newSession();
  await server().inSession(first, sid);
  const followUp = await server().inSession(then, sid);
  const whole = await server().inSession(direct, newSession());
  return { followUp, whole };
}

describe('a follow-up that swaps the period, customer or product asks the same question', () => {
  it.each([
    [
      '¿qué cliente devolvió más productos en abril?',
      '¿y en marzo?',
      '¿qué cliente devolvió más productos en marzo?',
    ],
    [
      'which customers returned the most in April?',
      'and in March?',
      'which customers returned the most in March?',
    ],
    ['¿qué productos se devuelven más?', '¿y en marzo?', '¿qué productos se devuelven más en marzo?'],
    [
      '¿cuál es el promedio semanal del cliente 100026?',
      '¿y el cliente 100010?',
      '¿cuál es el promedio semanal del cliente 100010?',
    ],
    [
      'average units per week of product 20036 in April',
      'what about product 20019?',
      'average units per week of product 20019 in April',
    ],
    ['weekly average of sales in April', 'and in March?', 'weekly average of sales in March'],
    [
      'which customers buy product 20036 every week?',
      'and product 20019?',
      'which customers buy product 20019 every week?',
    ],
    [
      '¿qué clientes compran todas las semanas?',
      '¿y en marzo?',
      '¿qué clientes compran todas las semanas en marzo?',
    ],
    ['which customers order on mondays?', 'and in March?', 'which customers order on mondays in March?'],
    // A weekday named anew replaces the one asked before.
    ['which customers order on mondays?', 'and on fridays?', 'which customers order on fridays?'],
    ['¿qué clientes compran los lunes?', '¿y los viernes?', '¿qué clientes compran los viernes?'],
    ['what else do buyers of 20036 buy?', 'what about product 20019?', 'what else do buyers of 20019 buy?'],
    ['¿qué día de la semana se vende más?', '¿y en marzo?', '¿qué día de la semana se vende más en marzo?'],
    ['compare product 20036 and 20019 in April', 'and in March?', 'compare product 20036 and 20019 in March'],
  ])('"%s" then "%s" answers as "%s"', async (first, then, direct) => {
    const { followUp, whole } = await followUpAndDirect(first, then, direct);
    expect(whole.answered).toBe(true);
    expect({ then, intent: followUp.intent, data: followUp.data }).toEqual({
      then,
      intent: whole.intent,
      data: whole.data,
    });
  });

  it.each([
    ['top 5 productos en abril', '¿y en marzo?', 'top 5 productos en marzo'],
    ['ventas del producto 20036 en abril', '¿y en marzo?', 'ventas del producto 20036 en marzo'],
    [
      'how many customers bought product 20036 in April?',
      'and in March?',
      'how many customers bought product 20036 in March?',
    ],
    [
      '¿qué cliente devolvió más productos en abril?',
      '¿cuáles son los mejores clientes en marzo?',
      '¿cuáles son los mejores clientes en marzo?',
    ],
    [
      '¿cuál es el promedio semanal del cliente 100026?',
      'top 5 products in March',
      'top 5 products in March',
    ],
    [
      'average units per week of product 20036 in April',
      'tell me about product 20019',
      'tell me about product 20019',
    ],
    // One product named after two compared is asked about alone.
    ['compare product 20036 and 20019', 'what about product 20012?', 'tell me about product 20012'],
  ])('"%s" then "%s" keeps its own answer ("%s")', async (first, then, direct) => {
    const { followUp, whole } = await followUpAndDirect(first, then, direct);
    expect({ then, intent: followUp.intent, data: followUp.data }).toEqual({
      then,
      intent: whole.intent,
      data: whole.data,
    });
  });
});
