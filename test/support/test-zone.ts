/**
 * The zone every test process and test server runs in: not the service's own (Asia/Shanghai) nor
 * UTC, so that anything reading the host's zone shows. jest.config.js reads the same value.
 */
export const TEST_TZ = 'America/New_York';
