import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.sodai/**',
      'data/**',
      '**/*.py',
      'apps/web/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Randomness is seeded and passed in (STYLE.md 9).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@sodai/*/src/*'], message: 'Import a package by its entry point, not deep paths.' },
          ],
        },
      ],
    },
  },
  // Packages: libraries report through an injected logger or onError hook, never the console
  // (the app decides where output goes).
  {
    files: ['packages/*/src/**/*.{ts,js,mjs}'],
    rules: {
      'no-console': 'error',
    },
  },
  // CommonJS config files (dependency-cruiser reads only CommonJS).
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
