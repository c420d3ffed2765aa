// ESLint flat config. Besides the usual checks it enforces the direction of imports
// between packages (core <- protocol <- db, client <- apps), so it never depends on review.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.tmp/**', 'coverage/**', 'data/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  restrict(
    ['packages/core/src/**'],
    ['@queue/*', 'node:*', 'fs', 'path', 'better-sqlite3', 'socket.io*', 'zod', 'react', 'zustand'],
    'The queue rules are pure: no I/O and no other package.',
  ),
  restrict(
    ['packages/protocol/src/**'],
    ['@queue/db', '@queue/client', '@queue/ui', '@queue/server', 'node:*', 'better-sqlite3', 'socket.io'],
    'The protocol depends only on core and zod.',
  ),
  restrict(
    ['packages/db/src/**'],
    ['@queue/client', '@queue/ui', '@queue/server', 'socket.io*', 'react'],
    'The database layer knows nothing of sockets or screens.',
  ),
  restrict(
    ['packages/printer/src/**'],
    [
      '@queue/protocol',
      '@queue/db',
      '@queue/client',
      '@queue/ui',
      '@queue/server',
      'better-sqlite3',
      'socket.io*',
      'react',
      'zustand',
    ],
    'The printer turns tickets into bytes: it knows only core, Node and its own libraries.',
  ),
  restrict(
    ['packages/client/src/**', 'packages/ui/src/**', 'apps/*/src/renderer/**'],
    ['@queue/db', '@queue/server', 'node:*', 'better-sqlite3', 'socket.io'],
    'Front-end code runs in a browser: no Node, no database.',
  ),
  restrict(
    ['packages/ui/src/**'],
    ['@queue/db', '@queue/server', '@queue/client', 'socket.io-client'],
    'UI components know nothing of sockets.',
  ),
  {
    files: ['**/*.test.ts', 'test/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
