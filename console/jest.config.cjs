module.exports = {
  displayName: 'console',
  preset: '../jest.preset.cjs',
  // Unit tests only: the end-to-end suite under e2e/ has its own config.
  roots: ['<rootDir>/src'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../coverage/console',
  testEnvironment: 'jsdom',
  // A spec's first test compiles its component's template (JIT): on two busy cores that alone can pass 5 s.
  testTimeout: 20_000,
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
