import { JSON_MAX_DEPTH, nestsDeeperThan, tooDeep } from './json-depth.rules';

/** `[[[…]]]` nested `n` levels deep. */
const nested = (n: number): unknown => JSON.parse('['.repeat(n) + ']'.repeat(n));

describe('nestsDeeperThan', () => {
  it('counts each object or array as a level; plain values are none', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({}, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: 1 }] }, 2)).toBe(true);
  });

  it('lets through the bodies routes take, and refuses one nested past the limit however deep, without exhausting the stack', () => {
    expect(nestsDeeperThan({ method: 'post', address: { province: '河南省', lines: ['一', '二'] } }, JSON_MAX_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(JSON_MAX_DEPTH), JSON_MAX_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(JSON_MAX_DEPTH + 1), JSON_MAX_DEPTH)).toBe(true);
    expect(nestsDeeperThan({ phone: '13912340001', d: nested(100_000) }, JSON_MAX_DEPTH)).toBe(true);
  });

  it('is refused as a validation error naming the body', () => {
    expect(tooDeep()).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ field: 'body' }] } });
  });
});
