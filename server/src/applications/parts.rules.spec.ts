import { bundleDueAt, bundleResult, deemedToAgree, partActionOf, partOnSubmit, partTransition, prereviewOutcome } from './parts.rules';

const at = (iso: string) => new Date(iso);

describe('part steps', () => {
  it('lets a department pre-review its part until the combined notice, and decide once the filing is accepted', () => {
    expect(partTransition('prereview', 'part_flag')).toBe('flagged');
    expect(partTransition('flagged', 'part_pass')).toBe('passed');
    expect(partTransition('accepted', 'part_pass')).toBeNull();
    expect(partTransition('draft', 'part_flag')).toBeNull();
    expect(partTransition('accepted', 'part_start_review')).toBe('under_review');
    expect(partTransition('accepted', 'part_approve')).toBe('approved');
    expect(partTransition('under_review', 'part_deny')).toBe('denied');
    expect(partTransition('approved', 'part_deny')).toBeNull();
    expect(partTransition('passed', 'part_approve')).toBeNull();
    expect(partTransition('deemed_approved', 'part_deemed')).toBeNull();
    expect(partActionOf('approved')).toBe('part_approve');
    expect(partActionOf('under_review')).toBe('part_start_review');
    expect(partActionOf('denied')).toBe('part_deny');
  });

  it('sends the parts that flagged back to pre-review when the applicant resubmits; a passed part stays passed', () => {
    expect(partOnSubmit('draft')).toBe('prereview');
    expect(partOnSubmit('flagged')).toBe('prereview');
    expect(partOnSubmit('passed')).toBe('passed');
  });
});

describe('prereviewOutcome (one combined notice)', () => {
  it('waits for every department, then flags once when any part flagged, else passes', () => {
    expect(prereviewOutcome([{ status: 'flagged' }, { status: 'prereview' }, { status: 'passed' }])).toBe('waiting');
    expect(prereviewOutcome([{ status: 'flagged' }, { status: 'passed' }, { status: 'passed' }])).toBe('flag');
    expect(prereviewOutcome([{ status: 'passed' }, { status: 'passed' }])).toBe('pass');
  });
});

describe('bundleDueAt (the slowest part)', () => {
  it('is the latest due time among the parts', () => {
    expect(bundleDueAt([{ dueAt: at('2026-12-08T15:59:59.999Z') }, { dueAt: at('2026-12-14T15:59:59.999Z') }, { dueAt: at('2026-12-10T15:59:59.999Z') }])).toEqual(at('2026-12-14T15:59:59.999Z'));
    expect(bundleDueAt([{ dueAt: null }, { dueAt: at('2026-12-10T15:59:59.999Z') }])).toEqual(at('2026-12-10T15:59:59.999Z'));
    expect(bundleDueAt([{ dueAt: null }])).toBeNull();
  });
});

describe('deemedToAgree (超时默认)', () => {
  const due = at('2026-12-10T15:59:59.999Z');
  it('deems a part accepted or under review agreed once its due time has passed', () => {
    expect(deemedToAgree({ status: 'accepted', dueAt: due }, at('2026-12-10T16:00:00.000Z'))).toBe(true);
    expect(deemedToAgree({ status: 'under_review', dueAt: due }, at('2026-12-11T02:00:00.000Z'))).toBe(true);
  });
  it('never before the end of its last day, nor for a part decided or not yet accepted', () => {
    expect(deemedToAgree({ status: 'accepted', dueAt: due }, due)).toBe(false);
    expect(deemedToAgree({ status: 'denied', dueAt: due }, at('2026-12-11T02:00:00.000Z'))).toBe(false);
    expect(deemedToAgree({ status: 'passed', dueAt: null }, at('2026-12-11T02:00:00.000Z'))).toBe(false);
  });
});

describe('bundleResult (one combined result)', () => {
  it('waits for every part; approves when none was denied (a deemed agreement agrees), denies when one was', () => {
    expect(bundleResult([{ status: 'approved' }, { status: 'under_review' }])).toBeNull();
    expect(bundleResult([{ status: 'approved' }, { status: 'deemed_approved' }])).toBe('approve');
    expect(bundleResult([{ status: 'approved' }, { status: 'denied' }, { status: 'deemed_approved' }])).toBe('deny');
    expect(bundleResult([])).toBeNull();
  });
});
