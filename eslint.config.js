// ESLint flat config. The import rules per folder enforce the layout of ARCHITECTURE.md:
// shared is pure, the core never touches Electron, the renderer reaches the machine only via window.revision.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'No Node built-ins here.' };
const electronOnly = { group: ['electron', 'electron-updater'], message: 'Electron belongs to src/main (outside core) and src/preload.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/fixtures/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronOnly,
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', 'react', 'react-dom'], message: 'shared imports only shared (and zod).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            electronOnly,
            { group: ['**/renderer/**', '**/preload/**', '**/cli/**', '**/main/index*', '**/main/ipc*', '**/main/window*'], message: 'core imports shared, node: and npm libraries only, never the rest of main.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/fleet/**/*.ts'],
    ignores: ['src/fleet/web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electronOnly, { group: ['**/renderer/**', '**/preload/**', '**/cli/**', '**/main/index*', '**/main/ipc*'], message: 'The fleet server imports shared and the core, never Electron.' }] },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**'], message: 'preload imports shared and electron only.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/fleet/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            electronOnly,
            { group: ['**/main/**', '**/preload/index*'], message: 'The renderer reaches the machine through window.revision only.' },
          ],
        },
      ],
    },
  },
  {
    // Values from these shared modules bring zod into the web bundles (+32 KB gzip): types only.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/fleet/web/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['carnet', 'checkup', 'fleet', 'ipc', 'plans', 'program-updates', 'programs', 'workspace'].map(
                (m) => `**/shared/${m}`,
              ),
              allowTypeImports: true,
              message: 'This shared module uses zod: import its types only (values go in a zod-free module).',
            },
          ],
        },
      ],
    },
  },
);
