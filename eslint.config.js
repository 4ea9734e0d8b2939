// Layering (STYLE.md): shared/ is pure; electron/ and renderer/ depend on shared/ and
// never on each other. These rules make any drift fail `npm run lint`.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node built-ins.' })),
            { name: 'electron', message: 'shared/ must not depend on Electron.' },
            { name: 'react', message: 'shared/ must not depend on React.' },
            { name: 'react-dom', message: 'shared/ must not depend on React.' },
            { name: 'zustand', message: 'Stores live in renderer/.' },
            { name: 'idb', message: 'Storage lives behind the Platform API.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ is pure TypeScript: no Node built-ins.' },
            {
              group: ['react/*', 'react-dom/*', '@xyflow/*', 'electron/*', 'electron-store', 'conf'],
              message: 'shared/ imports no platform or UI code.',
            },
            {
              group: ['**/renderer/**', '**/electron/**', '**/cli/**'],
              message: 'shared/ depends on nothing of ours.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer'].map(
          (name) => ({
            name,
            message: 'shared/ runs everywhere: no DOM or Node globals.',
          }),
        ),
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches Electron only through the Platform API.' }],
          patterns: [
            {
              group: ['node:*', ...nodeBuiltins],
              message: 'The renderer runs in a sandboxed page: no Node built-ins.',
            },
            { group: ['**/electron/**', '**/cli/**'], message: 'renderer/ imports shared/, never electron/ or cli/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'electron/ has no UI code.' }],
          patterns: [
            { group: ['**/renderer/**', '**/cli/**'], message: 'electron/ imports shared/, never renderer/ or cli/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.{ts,mjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The CLI is plain Node.' },
            { name: 'react', message: 'The CLI has no UI.' },
          ],
          patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'cli/ is a thin shell over shared/.' }],
        },
      ],
    },
  },
  {
    files: [
      'test/**/*.{ts,tsx}',
      'build/**/*.{js,mjs}',
      '*.config.{js,ts}',
      'renderer/vite.config.ts',
      'test/**/*.mjs',
      '.ci/**',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Packaging config: CommonJS, as electron-builder loads it.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
);
