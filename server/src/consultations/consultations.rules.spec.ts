import { isWeekend } from '../calendar/calendar.rules';
import { answerDeadline, isOverdue, questionExcerpt } from './consultations.rules';

// weekends off, plus a made-up holiday on Monday 2026-12-14 and a swapped working Saturday 2026-12-19
const isWorkday = (d: string): boolean => (d === '2026-12-19' ? true : d !== '2026-12-14' && !isWeekend(d));

describe('answerDeadline (新郑: 咨询 within one working day)', () => {
  it('is the end of the next working day in Shanghai', () => {
    // Tuesday 10:00 Shanghai → end of Wednesday Shanghai
    expect(answerDeadline(new Date('2026-12-08T02:00:00.000Z'), isWorkday).toISOString()).toBe('2026-12-09T15:59:59.999Z');
  });

  it('goes across a weekend and a holiday: Friday → Tuesday', () => {
    expect(answerDeadline(new Date('2026-12-11T08:00:00.000Z'), isWorkday).toISOString()).toBe('2026-12-15T15:59:59.999Z');
  });

  it('counts a swapped working Saturday (调休): Friday → that Saturday', () => {
    expect(answerDeadline(new Date('2026-12-18T03:00:00.000Z'), isWorkday).toISOString()).toBe('2026-12-19T15:59:59.999Z');
  });

  it('takes the Shanghai date of a question asked late in the evening (UTC still the day before)', () => {
    // Monday 2026-12-07 23:30 Shanghai is 15:30 UTC Monday; Tuesday 00:30 Shanghai is 16:30 UTC Monday
    expect(answerDeadline(new Date('2026-12-07T15:30:00.000Z'), isWorkday).toISOString()).toBe('2026-12-08T15:59:59.999Z');
    expect(answerDeadline(new Date('2026-12-07T16:30:00.000Z'), isWorkday).toISOString()).toBe('2026-12-09T15:59:59.999Z');
  });
});

describe('isOverdue', () => {
  const answerBy = new Date('2026-12-09T15:59:59.999Z');
  it('is true only for an open question after its deadline', () => {
    expect(isOverdue({ status: 'open', answerBy }, new Date('2026-12-09T16:00:00.000Z'))).toBe(true);
    expect(isOverdue({ status: 'open', answerBy }, new Date('2026-12-09T15:59:59.999Z'))).toBe(false);
    expect(isOverdue({ status: 'answered', answerBy }, new Date('2026-12-10T00:00:00.000Z'))).toBe(false);
  });
});

describe('questionExcerpt (a question quoted in a message)', () => {
  it('keeps a short question whole and cuts a long one at 30 characters', () => {
    expect(questionExcerpt('营业执照遗失怎么补办？')).toBe('营业执照遗失怎么补办？');
    expect(questionExcerpt('问'.repeat(31))).toBe(`${'问'.repeat(30)}…`);
  });
});
