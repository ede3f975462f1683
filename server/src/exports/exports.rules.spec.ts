import { bookingRow, mayUnmask, monthRange, personCells, satisfactionRow } from './exports.rules';

describe('exports rules', () => {
  it('unmasks only for an admin who asks', () => {
    expect(mayUnmask(['admin'], true)).toBe(true);
    expect(mayUnmask(['admin'], false)).toBe(false);
    expect(mayUnmask(['staff'], true)).toBe(false);
  });

  it('masks phone, ID number and name unless unmasked', () => {
    const p = { name: '张三丰', phone: '13812345678', idNumber: '110101199003078515' };
    expect(personCells(p, false)).toEqual({ name: '张*丰', phone: '138****5678', idNumber: expect.not.stringContaining('19900307') });
    expect(personCells(p, true)).toEqual(p);
    expect(personCells({ name: null, phone: null }, false)).toEqual({ name: '', phone: '', idNumber: '' });
  });

  it('takes a Shanghai month as UTC instants (December starts 16:00 UTC on 30 November)', () => {
    expect(monthRange('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00.000Z'), to: new Date('2026-12-31T16:00:00.000Z') });
  });

  it('shows a booking in Shanghai time and tells a pending no-show from a counted one', () => {
    const b = { code: 'A1B2C3', startAt: new Date('2026-12-07T01:00:00Z'), endAt: new Date('2026-12-07T01:30:00Z'), checkedInAt: null, noShowAt: new Date('2026-12-07T02:00:00Z') };
    expect(bookingRow({ ...b, status: 'no_show', noShowCounts: true }, '户籍', { name: '', phone: '' }).slice(2, 6)).toEqual(['09:00-09:30', '爽约', '', '是']);
    expect(bookingRow({ ...b, status: 'no_show', noShowCounts: false }, '户籍', { name: '', phone: '' })[5]).toBe('待联系');
    expect(bookingRow({ ...b, status: 'checked_in', noShowCounts: true, checkedInAt: new Date('2026-12-07T02:10:00Z') }, '户籍', { name: '', phone: '' }).slice(4, 6)).toEqual(['2026-12-07 10:10', '已撤销']);
  });

  it('computes the satisfaction rate as scores 3–5 over all', () => {
    expect(satisfactionRow('大厅', '部门', { 1: 1, 2: 1, 3: 1, 4: 0, 5: 5 })).toEqual(['大厅', '部门', 8, 5, 0, 1, 1, 1, '75.00%']);
    expect(satisfactionRow('大厅', '部门', { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 })[8]).toBe('');
  });
});
