/**
 * Four projects: unit tests (no database); integration tests against the seeded Neo4j that global
 * setup starts (or the one NEO4J_TEST_URI names) and, for files that need a graph of their own,
 * a shared scratch Neo4j that each such file wipes (tests/helpers/test-neo4j.ts); browser tests
 * that drive the playground and the dashboard in headless Chromium over the seeded database; and
 * reliability tests (kills, outages, soak, SIGTERM), on the scratch Neo4j or, when they kill or
 * start the database themselves, on a throwaway Neo4j of their own. Jest runs each global setup
 * module once however many projects name it, and the setups start only what is not yet running.
 * In band, the reliability files run in a worker of their own beside the rest (lanes-runner.js).
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  // jose ships ES modules only, which jest cannot require on Node 20.
  '/node_modules/jose/.+\\.js$': '<rootDir>/tests/helpers/esm-to-cjs.js',
};
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];
// Every project names the same runner, so jest gives it all the files at once: it runs the
// reliability files beside the others (tests/helpers/lanes-runner.js).
const runner = '<rootDir>/tests/helpers/lanes-runner.js';

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      runner,
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/tests/tck/**/*.tck.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      runner,
      testMatch: ['<rootDir>/tests/integration/**/*.int.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      // RELIABILITY=full runs the long versions.
      displayName: 'reliability',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      runner,
      testMatch: ['<rootDir>/tests/reliability/**/*.rel.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup-scratch.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    {
      displayName: 'browser',
      testEnvironment: 'node',
      testEnvironmentOptions: { globalsCleanup: 'off' },
      transform,
      transformIgnorePatterns,
      runner,
      testMatch: ['<rootDir>/tests/browser/**/*.browser.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup-seeded.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
  ],
};
