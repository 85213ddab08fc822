module.exports = {
  displayName: 'import-cli',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // A real PostgreSQL 18 for the run (tools/db); each integration test creates its own database on it.
  globalSetup: '<rootDir>/../db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../db/src/testing/global-teardown.ts',
  testTimeout: 120000,
  transform: {
    // Node16 module resolution (tsconfig.json) reads package "exports" (pure-rand/generator/..., csv-stringify/sync);
    // the package is CommonJS, so ts-jest's warning about hybrid module kinds (151002) does not apply.
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/tools/import',
};
