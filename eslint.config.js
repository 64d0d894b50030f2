import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'data/', 'src/adapters/store/generated/', 'prisma/', '.test-build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Only the store touches the database: every other adapter takes the store's ports (src/core/ports).
    files: ['src/adapters/**/*.ts'],
    ignores: ['src/adapters/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@prisma/*', 'pg', 'better-sqlite3', '@electric-sql/*', 'pglite-prisma-adapter'], message: 'Only src/adapters/store talks to the database: take a port from src/core/ports.' },
            { group: ['**/store/**', '**/generated/**'], message: 'Adapters do not reach into the store: take its ports, wired in src/main.ts.' },
          ],
        },
      ],
    },
  },
  {
    // The core is pure: no platforms, no database, no scheduler, no environment, no clock.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/adapters/**'], message: 'src/core must not import adapters.' },
            { group: ['@prisma/*', '@slack/*', 'discord.js', 'node-cron', 'pino', 'better-sqlite3', 'pg'], message: 'src/core is platform-neutral: put this behind a port.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'src/core must not read the environment.' },
        { object: 'Date', property: 'now', message: 'src/core takes now as input.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core takes now as input.' },
        { selector: "CallExpression[callee.object.name='DateTime'][callee.property.name='now']", message: 'src/core takes now as input.' },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'ids come in from outside the core.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core must not touch the process.' }],
    },
  },
);
