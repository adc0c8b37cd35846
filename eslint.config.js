import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.scratch/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The computational core stays pure: no React, no DOM, no clock, no unseeded randomness.
    files: ['src/core/**/*.ts', 'models/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', 'react/*', 'chart.js', 'dexie', '**/app/**', '**/worker/**', '**/cli/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'fetch'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator in src/core/random.ts.' },
        { object: 'Date', property: 'now', message: 'The core has no clock: pass dates in.' }],
    },
  },
);
