/**
 * Four projects: unit tests (no database); integration tests against a real Neo4j that
 * tests/helpers/global-setup.ts starts (or the one NEO4J_TEST_URI names); browser tests that
 * drive the playground and the dashboard in headless Chromium over that same database (jest runs
 * a global setup module once however many projects name it); and reliability tests (kills,
 * outages, soak, SIGTERM), each on a throwaway Neo4j of its own.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // jose ships ES modules only, which jest cannot require on Node 20.
  '/node_modules/jose/.+\\.js$': '<rootDir>/tests/helpers/esm-to-cjs.js',
};
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/tck/**/*.tck.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      // Each file starts (and kills) a Neo4j of its own; RELIABILITY=full runs the long versions.
      displayName: 'reliability',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/reliability/**/*.rel.test.ts'],
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/browser/**/*.browser.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
