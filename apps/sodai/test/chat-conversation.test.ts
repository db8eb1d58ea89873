import { describe, expect, it } from 'vitest';
import { Conversations, type TurnMemory } from '../src/chat/conversation.ts';

const turn = (shown: number): TurnMemory => ({
  intent: 'recommend',
  entities: {},
  shown,
  offset: 0,
  products: [],
  customers: [],
});

describe('chat sessions', () => {
  it('recalls a session’s last turn until it has been idle for the time to live', () => {
    let now = 1_000;
    const sessions = new Conversations(10, 60_000, () => now);
    sessions.remember('a', turn(1));
    now += 59_000;
    expect(sessions.recall('a')?.shown).toBe(1);
    sessions.remember('a', turn(2));
    now += 59_000;
    expect(sessions.recall('a')?.shown).toBe(2);
    now += 2_000;
    expect(sessions.recall('a')).toBeUndefined();
  });

  it('keeps at most the given number of sessions, dropping the least recently used', () => {
    const sessions = new Conversations(2);
    sessions.remember('a', turn(1));
    sessions.remember('b', turn(2));
    sessions.remember('a', turn(3));
    sessions.remember('c', turn(4));
    expect(sessions.recall('b')).toBeUndefined();
    expect(sessions.recall('a')?.shown).toBe(3);
    expect(sessions.recall('c')?.shown).toBe(4);
  });
});
