import type { ApplicationStatus } from '@gov/shared';
import { MAX_GIVE_WAY_MS, mustGiveWay, nextAttemptAt, PURGEABLE_STATUSES, retentionCutoff, smsParams, smsTemplateFor, type SmsTemplateKey } from './outbox.rules';

describe('smsTemplateFor', () => {
  /** [notice type, filing status it reached (for `application`), SMS template or null]. */
  const expectTemplates = (cases: ReadonlyArray<[string, ApplicationStatus | undefined, SmsTemplateKey | null]>) => {
    for (const [type, status, template] of cases) expect([type, status, smsTemplateFor(type, status)]).toEqual([type, status, template]);
  };

  it('sends SMS for the booking events a person must not miss', () => {
    expectTemplates([
      ['booking_created', undefined, 'booking_created'],
      ['booking_cancelled_by_centre', undefined, 'booking_cancelled'],
      ['booking_reminder', undefined, 'booking_reminder'],
      ['ticket_called', undefined, 'ticket_called'],
    ]);
  });

  it('not for what the person did themselves or for routine news', () => {
    expectTemplates([
      ['booking_cancelled', undefined, null],
      ['rating_invitation', undefined, null],
      ['waitlist_offer', undefined, null],
    ]);
  });

  it('on a filing: correction, acceptance, decision, the result ready at the window and handed over, by the status it reached', () => {
    expectTemplates([
      ['application', 'correction_required', 'correction'],
      ['application', 'accepted', 'accepted'],
      ['application', 'refused', 'decision'],
      ['application', 'approved', 'decision'],
      ['application', 'denied', 'decision'],
      ['application', 'ready_for_pickup', 'ready'],
      ['application', 'delivered', 'ready'],
      ['application', 'submitted', null],
      ['application', 'under_review', null],
      ['application', undefined, null],
    ]);
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

describe('the outbox retention', () => {
  it('reaches back whole days from now', () => {
    expect(retentionCutoff(new Date('2026-12-31T00:00:00.000Z'), 30).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('deletes settled deliveries only: a failed one stays for inspection, a pending one is still to send', () => {
    expect([...PURGEABLE_STATUSES].sort()).toEqual(['sent', 'skipped']);
  });
});

describe('mustGiveWay', () => {
  it('holds background deliveries back while the process is busy serving a rush', () => {
    expect(mustGiveWay(0.95, 0)).toBe(true);
    expect(mustGiveWay(0.3, 0)).toBe(false);
  });
  it('holds them back no longer than the bound, however long the rush', () => {
    expect(mustGiveWay(0.95, MAX_GIVE_WAY_MS - 1)).toBe(true);
    expect(mustGiveWay(0.95, MAX_GIVE_WAY_MS)).toBe(false);
  });
});
