import { defineConfig } from 'vite';

// The API server serves dist/ at `/`; in `vite dev` the API calls go to a running `sodai serve`.
export default defineConfig({
  // JSX follows tsconfig's `react-jsx` (esbuild reads it): no React plugin needed for a build.
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // bench/first-page.bench.ts follows it to weigh what the first page loads.
    manifest: true,
    // Charts and the graph load with their pages, not with the first one.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/predict', '/recommend', '/chat', '/ready', '/health', '/metrics'].map((p) => [
        p,
        process.env.SODAI_API ?? 'http://127.0.0.1:8080',
      ]),
    ),
  },
});
