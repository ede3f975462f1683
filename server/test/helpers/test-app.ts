/** Moved to test/support/test-app.ts; this path keeps working. */
export * from '../../../test/support/test-app';
