import { defineProject } from 'vitest/config';
import { resolveSources } from '../../vitest.sources.ts';

export default defineProject({
  ...resolveSources,
  test: {
    name: '@sodai/app',
    include: ['test/**/*.test.ts'],
    // Fault injection (mounts, SIGKILLs, restarts) runs on its own: `npm run test:faults`; the chat's
    // tests are their own project, `@sodai/app-chat` (vitest.chat.config.ts).
    exclude: ['test/faults/**', 'test/chat-*.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
