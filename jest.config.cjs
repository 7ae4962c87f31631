// One jest run for the whole repo: contract, portal (pure units, then DB/HTTP) and the n8n nodes.
const tsJest = [
  'ts-jest',
  {
    diagnostics: false,
    tsconfig: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', esModuleInterop: true, allowJs: true, isolatedModules: true },
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest, '^.+\\.m?js$': tsJest },
  // msw >= 2.11 ships ESM-only dependencies that jest (CommonJS) must transform
  transformIgnorePatterns: ['/node_modules/(?!(rettime|until-async|@open-draft|@mswjs)/)(?!.*\\.mjs$)'],
  moduleNameMapper: { '^~/(.*)$': '<rootDir>/portal/app/$1' },
  rootDir: __dirname,
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/scripts/jest/global-setup.mjs',
  globalTeardown: '<rootDir>/scripts/jest/global-teardown.mjs',
  reporters: ['default', '<rootDir>/scripts/jest/summary-reporter.cjs'],
  maxWorkers: process.env.CI ? 2 : '50%',
  // real databases and real portal processes: seconds, not milliseconds (this is not a speed check)
  testTimeout: 60_000,
  // a test file that fails in its setup can leave a browser or a portal process behind; the run must still
  // end (and print its summary) instead of hanging CI until its time limit
  forceExit: true,
  projects: [
    { ...shared, displayName: 'contract', testMatch: ['<rootDir>/packages/contract/src/**/*.test.ts'] },
    { ...shared, displayName: 'portal-unit', testMatch: ['<rootDir>/portal/app/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'portal',
      testMatch: ['<rootDir>/portal/test/**/*.test.ts'],
      setupFiles: ['<rootDir>/portal/test/setup/env.ts'],
      setupFilesAfterEnv: ['<rootDir>/portal/test/setup/database.ts'],
    },
    { ...shared, displayName: 'nodes', testMatch: ['<rootDir>/test/nodes/**/*.test.ts'] },
  ],
};
