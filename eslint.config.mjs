// @ts-check
/**
 * Lint rules (`npm run lint`, part of `npm test`): ESLint's and typescript-eslint's recommended
 * sets, two type-aware rules for promises, and the import boundaries of the layers (BOUNDARIES
 * below; data flows HTTP -> Apollo -> resolvers -> repositories -> neo4j-driver, and each layer
 * knows only the one below it). Formatting is prettier's business (.prettierrc.json).
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One restriction of `no-restricted-imports`: a regular expression over the import specifier as
 * written. The layers' files sit directly in their folder (src/db/*.ts, ...), so `../x` from
 * there is always src/x.
 */
const restriction = (regex, message) => ({ regex, message });

const NEO4J_DRIVER = restriction(
  '^neo4j-driver(/|$)',
  'neo4j-driver belongs to src/db and src/repositories: use src/db/driver.ts (read, readTransaction, writeTransaction, its types) or a repository.',
);
const DB_LEAF = restriction(
  '^\\.\\./(?!(errors|paths)$)',
  'src/db is the lowest layer: it imports nothing else of src/ except the leaf modules src/errors.ts and src/paths.ts. Take settings as parameters instead.',
);
const REPOSITORIES_DOWNWARD = restriction(
  '^\\.\\./((resolvers|http)(/|$)|server$)',
  'src/repositories is below the resolvers and the HTTP layer: it must not import src/resolvers, src/http or src/server.ts.',
);
const RESOLVERS_NO_DB = restriction('^\\.\\./db(/|$)', 'Resolvers reach the database through the repositories in the context, never src/db.');
const RESOLVERS_FROM_SERVER = restriction(
  '^(\\.\\.?/)+resolvers(/|$)',
  'Only src/server.ts composes the resolvers; what others need from them (page sizes, ...) belongs in a module below them, such as src/paging.ts.',
);
const AUTH_LEAF = restriction(
  '^\\.\\./(?!errors$)',
  'src/auth imports nothing else of src/ but src/errors.ts: src/context.ts and src/config.ts import src/auth, so anything more would be a cycle.',
);
const LEAF = restriction(
  '^\\.\\.?/',
  'src/errors.ts, src/paths.ts and src/paging.ts are leaves that any layer may import (src/db: errors and paths): they import nothing of src/.',
);

/** `no-restricted-imports` with these restrictions. */
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

/**
 * The import boundaries, by folder. A file gets the last entry whose `files` match it (ESLint
 * replaces a rule's options, it does not merge them), so each entry lists all that applies there.
 */
const BOUNDARIES = [
  { files: ['src/**/*.ts'], rules: restrict(NEO4J_DRIVER, RESOLVERS_FROM_SERVER) },
  { files: ['src/server.ts'], rules: restrict(NEO4J_DRIVER) },
  { files: ['src/db/**/*.ts'], rules: restrict(DB_LEAF) },
  { files: ['src/repositories/**/*.ts'], rules: restrict(REPOSITORIES_DOWNWARD) },
  { files: ['src/resolvers/**/*.ts'], rules: restrict(NEO4J_DRIVER, RESOLVERS_NO_DB) },
  { files: ['src/auth/**/*.ts'], rules: restrict(NEO4J_DRIVER, AUTH_LEAF) },
  { files: ['src/errors.ts', 'src/paths.ts', 'src/paging.ts'], rules: restrict(NEO4J_DRIVER, LEAF) },
  // The benchmark's comparison arms measure the bare driver and @neo4j/graphql against this
  // service, on purpose without its layers (src/bench/arms/floor.ts): they may import the driver.
  { files: ['src/bench/arms/**/*.ts'], rules: restrict(RESOLVERS_FROM_SERVER) },
];

export default defineConfig(
  {
    ignores: [
      'src/generated/',
      'src/dashboard/gql/', // codegen output, like src/generated
      'dist/',
      '.build/',
      '.neo4j/',
      'bench/results/',
      'coverage/',
      'scratch/',
      'test-artifacts/',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Type-aware, for a server where a forgotten promise is a lost error or a request that never
      // ends. (await-thenable is left out: it objects to Promise.all over a mix of values and
      // promises, which src/repositories/node-repository.ts does on purpose.)
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // `_name` marks a parameter or binding kept for its position; `{ a, ...rest }` drops `a` on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `x == null` is the house's test for null or undefined; everything else compares strictly.
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Tests and the benchmark read untyped GraphQL JSON responses: `any` there is the honest type.
    files: ['tests/**/*.ts', 'src/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // jest.config.js and the jest helpers are CommonJS, loaded by jest with require().
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  BOUNDARIES,
);
