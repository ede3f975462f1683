/**
 * Three levels of tests, each its own jest project:
 *  unit         pure rules, no Nest, no database        (*.spec.ts beside the code)
 *  integration  the Nest app over HTTP on a real MariaDB (server/test/**\/*.int.ts)
 *  e2e          the H5 build in headless Chromium        (test/e2e/**\/*.e2e.ts)
 * `npm test` (scripts/test.js) runs them in that order.
 */
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@gov/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // test/props: property-based tests (fast-check) of the rules modules
      testMatch: ['<rootDir>/shared/src/**/*.spec.ts', '<rootDir>/server/src/**/*.spec.ts', '<rootDir>/test/props/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/server/test/**/*.int.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
  ],
};
