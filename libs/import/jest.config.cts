module.exports = {
  displayName: 'import',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // A real PostgreSQL 18 for the run (tools/db); each integration test creates its own database on it.
  globalSetup: '<rootDir>/../../tools/db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/db/src/testing/global-teardown.ts',
  testTimeout: 180000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', diagnostics: { ignoreCodes: [151002] } }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/import',
};
