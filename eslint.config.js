// ESLint flat config. The layering rules here are the project's process boundaries (DESIGN.md §5):
// shared/ is pure, renderer/ reaches the disk only through window.api, and only electron/shell/ may
// import `electron`. They are enforced here so nobody has to remember them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const bareNodeBuiltins = nodeBuiltins.filter((name) => !name.includes('/'));

const noNodeOrElectron = {
  paths: [
    ...bareNodeBuiltins.map((name) => ({ name, message: 'This layer may not import Node built-ins.' })),
    { name: 'electron', message: 'Only electron/shell/ may import electron.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'This layer may not import Node built-ins.' },
    { group: ['electron/*'], message: 'Only electron/shell/ may import electron.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      '.tsbuild/**',
      'dist/**',
      'out/**',
      'test-results/**',
      'playwright-report/**',
      'renderer/dist/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node },
    },
  },
  {
    // shared/ is the pure domain core used by every process.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrElectron.paths,
          patterns: [
            ...noNodeOrElectron.patterns,
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from other layers.' },
            { group: ['react', 'react-dom', 'react/*'], message: 'shared/ is UI-free.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require', '__dirname'].map(
          (name) => ({ name, message: 'shared/ is pure: no DOM or Node globals.' }),
        ),
      ],
    },
  },
  {
    // renderer/ talks to the disk only through window.api.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: noNodeOrElectron.paths,
          patterns: [
            ...noNodeOrElectron.patterns,
            { group: ['**/electron/**'], message: 'renderer/ reaches main only through window.api.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'renderer/ has no Node globals.',
        })),
      ],
    },
  },
  {
    // Services and the CLI are plain Node so tests and the CLI run them without Electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only electron/shell/ may import electron.' }],
          patterns: [
            { group: ['electron/*'], message: 'Only electron/shell/ may import electron.' },
            { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' }] },
      ],
    },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', '*.config.ts', 'scripts/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
);
