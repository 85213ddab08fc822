module.exports = {
  displayName: 'launcher',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testTimeout: 120000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
};
