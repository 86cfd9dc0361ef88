// Unit specs beside the code and integration specs under test/, all against a real PostgreSQL:
// DATABASE_URL when set, else one embedded server for the run; each spec file gets its own database.
module.exports = {
  displayName: 'server',
  preset: '../jest.preset.cjs',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  setupFiles: ['<rootDir>/test/support/quiet-logs.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  coverageDirectory: '../coverage/server',
};
