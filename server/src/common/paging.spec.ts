import { listOrPage } from './paging';

describe('listOrPage', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('answers the whole array when no page is asked for (existing clients)', () => {
    expect(listOrPage(items, {})).toBe(items);
    expect(listOrPage(items, { pageSize: '5' })).toBe(items);
  });

  it('answers one page with the total when a page is asked for', () => {
    expect(listOrPage(items, { page: '2', pageSize: '20' })).toEqual({ items: items.slice(20, 40), total: 45, page: 2, pageSize: 20 });
    expect(listOrPage(items, { page: '3' })).toEqual({ items: [41, 42, 43, 44, 45], total: 45, page: 3, pageSize: 20 });
  });

  it('answers an empty page past the end and clamps the page size to 50', () => {
    expect(listOrPage(items, { page: '9', pageSize: '10' })).toEqual({ items: [], total: 45, page: 9, pageSize: 10 });
    expect(listOrPage(Array.from({ length: 80 }, (_, i) => i), { page: '1', pageSize: '500' })).toMatchObject({ pageSize: 50, total: 80 });
  });
});
