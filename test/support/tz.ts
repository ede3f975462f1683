/**
 * Every test process runs in America/New_York (jest.config.js sets TZ before any worker starts;
 * this setup file makes sure of it in each test file's process before the test reads the clock):
 * neither the service's zone (Asia/Shanghai) nor UTC, so that code reading the host's zone shows.
 */
import { TEST_TZ } from './test-zone';

process.env.TZ = TEST_TZ;
if (new Date('2026-07-01T12:00:00Z').getTimezoneOffset() !== 240) {
  throw new Error(`test processes must run in ${TEST_TZ}; this one is not (TZ=${process.env.TZ})`);
}
