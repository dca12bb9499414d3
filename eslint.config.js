// Lint rules, including the process boundaries from ARCHITECTURE.md: the renderer sees only DeskApi,
// shared/ holds contracts only, and the desk core never touches the DOM or React.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'hub/demo/chat-page/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [...nodeModules, 'electron', 'better-sqlite3', 'socket.io', 'ws', '**/main/**', '**/hub/store/**'],
        'Browser code: no Node, Electron, SQLite or server modules.',
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: restrict(
      [
        ...nodeModules,
        'electron',
        'better-sqlite3',
        'socket.io',
        'socket.io-client',
        'ws',
        '**/main/**',
        '**/hub/**',
      ],
      'The renderer sees the desk core only through DeskApi (shared/desk-api.ts).',
    ),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [
        ...nodeModules,
        'electron',
        'react',
        'react-dom',
        'better-sqlite3',
        'socket.io',
        'socket.io-client',
        'ws',
        'fastify',
      ],
      'shared/ holds contracts only: no Node, DOM frameworks, Electron or storage.',
    ),
  },
  {
    files: ['main/core/**/*.ts'],
    rules: restrict(
      ['react', 'react-dom', 'electron', '**/renderer/**'],
      'The desk core is plain Node: no DOM, React or Electron.',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: restrict(
      [...nodeModules, 'better-sqlite3', 'socket.io-client'],
      'The preload only bridges DeskApi over IPC.',
    ),
  },
);
