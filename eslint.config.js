// ESLint: typed TypeScript rules, Astro components, and accessibility rules for their markup
// (eslint-plugin-astro's jsx-a11y set, run by eslint-plugin-jsx-a11y-x: the original
// eslint-plugin-jsx-a11y accepts ESLint 9 at most). `npm run lint` allows no warning.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist*/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      // The search index Pagefind writes during a build.
      'public/pagefind/',
    ],
  },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  astro.configs.recommended,
  astro.configs['jsx-a11y-strict'],
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.astro'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // Counts, sizes and widths go into messages and markup as they are: a number prints
      // predictably; anything else still needs a deliberate String(). (Options given here
      // replace strictTypeChecked's, so all are listed.)
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allowAny: false,
          allowBoolean: false,
          allowNever: false,
          allowNullish: false,
          allowNumber: true,
          allowRegExp: false,
        },
      ],
      // `setting?.trim() || fallback` means to treat an empty setting as unset.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // A callback meant to return nothing may end in a call that returns nothing.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreVoidReturningFunctions: true }],
      // Destructuring a key away from `...rest` is how an object is copied without it.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests index arrays they have just asserted the length of; a wrong guess fails the test anyway.
    files: ['e2e/**', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // astro-eslint-parser has no projectService support; it finds the tsconfig itself.
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: true } },
    rules: {
      // Template markup has no real type (Astro declares an element as any), so every
      // `{list.map((x) => <li>…</li>)}` would be an "unsafe return".
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The <script> blocks of .astro files are linted as virtual files that no TypeScript
    // program holds, so only the rules that need no type information run on them.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Plain JavaScript (this file, astro.config.mjs) is not type-checked.
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
