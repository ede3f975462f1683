/** Moved to test/support/world.ts (and the suites' set-up to test/support/fixture.ts); this path keeps working. */
export * from '../../../test/support/world';
