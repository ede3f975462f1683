import { nextAttemptAt, smsParams, smsTemplateFor } from './outbox.rules';

describe('smsTemplateFor', () => {
  it('sends SMS for the booking events a person must not miss', () => {
    expect(smsTemplateFor('booking_created')).toBe('booking_created');
    expect(smsTemplateFor('booking_cancelled_by_centre')).toBe('booking_cancelled');
    expect(smsTemplateFor('booking_reminder')).toBe('booking_reminder');
    expect(smsTemplateFor('ticket_called')).toBe('ticket_called');
  });

  it('not for what the person did themselves or for routine news', () => {
    expect(smsTemplateFor('booking_cancelled')).toBeNull();
    expect(smsTemplateFor('rating_invitation')).toBeNull();
    expect(smsTemplateFor('waitlist_offer')).toBeNull();
  });

  it('on a filing: correction, acceptance, decision, the result ready at the window and handed over, by the status it reached', () => {
    expect(smsTemplateFor('application', 'correction_required')).toBe('correction');
    expect(smsTemplateFor('application', 'accepted')).toBe('accepted');
    expect(smsTemplateFor('application', 'refused')).toBe('decision');
    expect(smsTemplateFor('application', 'approved')).toBe('decision');
    expect(smsTemplateFor('application', 'denied')).toBe('decision');
    expect(smsTemplateFor('application', 'ready_for_pickup')).toBe('ready');
    expect(smsTemplateFor('application', 'delivered')).toBe('ready');
    expect(smsTemplateFor('application', 'submitted')).toBeNull();
    expect(smsTemplateFor('application', 'under_review')).toBeNull();
    expect(smsTemplateFor('application')).toBeNull();
  });
});

describe('smsParams', () => {
  it('cuts each variable to 20 characters, counting Chinese characters as one', () => {
    expect(smsParams({ title: '一二三四五六七八九十一二三四五六七八九十多出来' })).toEqual({ title: '一二三四五六七八九十一二三四五六七八九十' });
    expect(smsParams({ code: '123456' })).toEqual({ code: '123456' });
  });
});

describe('nextAttemptAt', () => {
  const now = new Date('2026-12-01T00:00:00.000Z');
  it('doubles the wait after each failed attempt', () => {
    expect(nextAttemptAt(now, 1, 1000, 5)!.getTime() - now.getTime()).toBe(1000);
    expect(nextAttemptAt(now, 2, 1000, 5)!.getTime() - now.getTime()).toBe(2000);
    expect(nextAttemptAt(now, 4, 1000, 5)!.getTime() - now.getTime()).toBe(8000);
  });
  it('waits an hour at most, and gives up after the last attempt', () => {
    expect(nextAttemptAt(now, 3, 3600_000, 9)!.getTime() - now.getTime()).toBe(3600_000);
    expect(nextAttemptAt(now, 5, 1000, 5)).toBeNull();
  });
});
