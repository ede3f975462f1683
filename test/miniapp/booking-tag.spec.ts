import { bookingTag } from '@/subpackages/booking/components/tones';

describe('the tag a booking shows in 我的预约 and on its page', () => {
  it('reads 已超时，暂不计爽约 while the hall has not yet counted the no-show, 爽约 once it has', () => {
    expect(bookingTag({ status: 'no_show', noShow: { counts: false, contact: null } } as never)).toEqual({ tone: 'warning', text: '已超时，暂不计爽约' });
    expect(bookingTag({ status: 'no_show', noShow: { counts: true, contact: null } } as never).text).not.toBe('已超时，暂不计爽约');
    expect(bookingTag({ status: 'booked' } as never)).toMatchObject({ tone: 'info' });
  });
});
