module.exports = {
  displayName: 'launcher',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // A real PostgreSQL 18 for the run; each test file creates its own database on it.
  globalSetup: '<rootDir>/../../tools/db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../tools/db/src/testing/global-teardown.ts',
  testTimeout: 120000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
};
