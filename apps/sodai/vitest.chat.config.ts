import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

/**
 * The chat assistant's tests (`test/chat-*.test.ts`, about a hundred files): each builds its own
 * small served store, and the assistant's code is pure over it, so the files share one module
 * graph (`isolate: false`). Isolated, every file re-imported the server and the chat's hundred
 * modules: about three times the CPU of the files' own work.
 */
export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/app-chat',
    include: ['test/chat-*.test.ts'],
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
