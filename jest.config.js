/**
 * Three levels of tests, each its own jest project:
 *  unit         pure rules, no Nest, no database        (*.spec.ts beside the code; test/props, test/miniapp)
 *  integration  the Nest app over HTTP on a real MariaDB (server/test/**\/*.int.ts)
 *  e2e          the H5 build in headless Chromium        (test/e2e/**\/*.e2e.ts)
 *  cluster      three API instances on a three-node Galera cluster (server/test/cluster/**\/*.cluster.ts;
 *               only through `npm run test:cluster`, which starts and stops the cluster)
 * `npm test` (scripts/test.js) runs them in that order.
 *
 * Every test process runs in America/New_York whatever the caller's zone (set here, before jest
 * starts a worker, and again by test/support/tz.ts in each test file's process): the service lives
 * in Asia/Shanghai and stores UTC, so a host-zone dependency fails the suites instead of hiding.
 * Test servers get the same zone from test/support/test-app.ts (testEnv).
 *
 * Unit tests compile without type information (fast); the integration and e2e projects compile
 * with tsconfig.test.json and report type errors (ts-jest diagnostics), as `npm run typecheck` does.
 */
process.env.TZ = 'America/New_York'; // = TEST_TZ in test/support/test-zone.ts

const transpileOnly = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', diagnostics: false }];
const typeChecked = process.env.ZWT_JEST_TRANSPILE_ONLY === '1' ? transpileOnly : ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: true }];
const common = {
  rootDir: __dirname,
  transform: { '^.+\\.tsx?$': transpileOnly },
  moduleNameMapper: { '^@gov/shared$': '<rootDir>/shared/src/index.ts', '^@/(.*)$': '<rootDir>/miniapp/src/$1' },
  setupFiles: ['<rootDir>/test/support/tz.ts'],
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // test/props: property-based tests (fast-check) of the rules modules; test/miniapp: the
      // mini-app's request layer with a fake @tarojs/taro
      testMatch: [
        '<rootDir>/shared/src/**/*.spec.ts',
        '<rootDir>/server/src/**/*.spec.ts',
        '<rootDir>/test/props/**/*.spec.ts',
        '<rootDir>/test/miniapp/**/*.spec.ts',
        '<rootDir>/test/security/**/*.spec.ts',
      ],
      moduleNameMapper: { ...common.moduleNameMapper, '^@tarojs/taro$': '<rootDir>/test/support/fake-taro.ts' },
    },
    {
      ...common,
      displayName: 'integration',
      transform: { '^.+\\.tsx?$': typeChecked },
      testMatch: ['<rootDir>/server/test/**/*.int.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      transform: { '^.+\\.tsx?$': typeChecked },
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'cluster',
      transform: { '^.+\\.tsx?$': typeChecked },
      testMatch: ['<rootDir>/server/test/cluster/**/*.cluster.ts'],
    },
  ],
};
