import { mayRerate, opensRectification, ratingStage, reachedStages, rectificationState, satisfaction } from './ratings.rules';

describe('ratings rules', () => {
  it('opens a ticket for 不满意 and 非常不满意 only', () => {
    expect([1, 2, 3, 4, 5].map(opensRectification)).toEqual([true, true, false, false, false]);
  });
  it('rates a booking once served or cancelled by the centre, and a filing at each of its stages (临沂 四(一)), a withdrawn one too', () => {
    expect(['booked', 'checked_in', 'cancelled', 'cancelled_by_centre', 'no_show', 'no_show_waived'].map((s) => ratingStage('booking', s))).toEqual([
      null,
      'service',
      null,
      'centre_cancelled',
      null,
      null,
    ]);
    const filing = ['draft', 'submitted', 'correction_required', 'prereview_passed', 'accepted', 'under_review', 'refused', 'approved', 'denied', 'delivered', 'withdrawn'];
    expect(filing.map((s) => ratingStage('application', s))).toEqual([
      null,
      null,
      null,
      null,
      'acceptance',
      'acceptance',
      'refusal',
      'decision',
      'decision',
      'delivery',
      'withdrawal',
    ]);
  });
  it('lets a filing be rated at every stage it passed through, the current one too', () => {
    expect(reachedStages('application', ['submitted', 'prereview_passed', 'accepted', 'under_review', 'approved'])).toEqual(['acceptance', 'decision']);
    expect(reachedStages('application', ['submitted', 'accepted', 'withdrawn'])).toEqual(['acceptance', 'withdrawal']);
    expect(reachedStages('application', ['submitted', 'refused'])).toEqual(['refusal']);
    expect(reachedStages('booking', ['booked', 'cancelled_by_centre'])).toEqual(['centre_cancelled']);
    expect(reachedStages('application', ['draft', 'submitted'])).toEqual([]);
    expect(reachedStages('application', ['draft', 'withdrawn'])).toEqual([]); // never reached the centre
    expect(ratingStage('application', 'withdrawn', false)).toBeNull();
  });
  it('shows an unanswered ticket past its due date as overdue', () => {
    const due = new Date('2026-12-10T15:59:59.999Z');
    expect(rectificationState({ status: 'open', dueAt: due }, new Date('2026-12-10T15:00:00Z'))).toBe('open');
    expect(rectificationState({ status: 'open', dueAt: due }, new Date('2026-12-10T16:00:00Z'))).toBe('overdue');
    expect(rectificationState({ status: 'answered', dueAt: due }, new Date('2027-01-01T00:00:00Z'))).toBe('answered');
  });
  it('allows one re-rating, after the answer', () => {
    expect(mayRerate({ reratedAt: null }, { status: 'answered' })).toBe('ok');
    expect(mayRerate({ reratedAt: null }, { status: 'open' })).toBe('not_answered');
    expect(mayRerate({ reratedAt: null }, null)).toBe('no_ticket');
    expect(mayRerate({ reratedAt: new Date() }, { status: 'answered' })).toBe('already_rerated');
  });
  it('computes satisfaction as the share at 基本满意 or better', () => {
    expect(satisfaction([5, 5, 4, 3, 2, 1, 1, 5])).toEqual({ count: 8, byScore: { 1: 2, 2: 1, 3: 1, 4: 1, 5: 3 }, satisfactionRate: 0.625 });
    expect(satisfaction([]).satisfactionRate).toBeNull();
  });
});
