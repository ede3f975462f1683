import { MAX_PAGE_SIZE, pageOf, pageParams } from './paging.rules';

describe('paging', () => {
  it('defaults to page 1 of 20 and clamps the page size to the cap', () => {
    expect(pageParams(undefined, undefined)).toEqual({ page: 1, pageSize: 20 });
    expect(pageParams(3, 10)).toEqual({ page: 3, pageSize: 10 });
    expect(pageParams(1, 500)).toEqual({ page: 1, pageSize: MAX_PAGE_SIZE });
    expect(MAX_PAGE_SIZE).toBe(50);
  });
  it('slices pages and gives an empty page past the end', () => {
    const xs = Array.from({ length: 45 }, (_, i) => i);
    expect(pageOf(xs, 1, 20)).toHaveLength(20);
    expect(pageOf(xs, 3, 20)).toEqual([40, 41, 42, 43, 44]);
    expect(pageOf(xs, 4, 20)).toEqual([]);
  });
});
