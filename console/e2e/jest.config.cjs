/** End-to-end tests: the built server and console, driven in Debian's Chromium (`npx nx e2e console`). */
module.exports = {
  displayName: 'console-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // One server and one browser at a time: the suite is a user's journey, not a load test.
  maxWorkers: 1,
  testTimeout: 60_000,
};
