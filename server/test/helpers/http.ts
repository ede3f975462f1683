/** Moved to test/support/http.ts (the tests' one HTTP vocabulary); this path keeps working. */
export * from '../../../test/support/http';
