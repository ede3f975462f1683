import { APPLICATION_STATUSES } from '@gov/shared';
import { isWeekend } from '../calendar/calendar.rules';
import {
  acceptBy,
  lateForAcceptance,
  APPLICATION_ACTIONS,
  barredUntil,
  barUntil,
  changedSinceNotice,
  commitmentAtAcceptance,
  commitmentBreached,
  commitmentView,
  creditSubject,
  owedMaterials,
  checkDecisions,
  deemedAccepted,
  filingNumber,
  FILING_NUMBER_RE,
  lockedFlags,
  missingMaterials,
  deliveryChoiceProblem,
  receiptLists,
  prereviewDaysLeft,
  prereviewDeadline,
  receiptNumber,
  slaState,
  staffOrder,
  takesResponsibility,
  transition,
  TRANSITIONS,
  uncorrectedMaterials,
} from './applications.rules';

// 2026: Mid-Autumn 09-25, National Day 10-01..10-07; swapped working days 09-20 (Sun) and 10-10 (Sat) (simplified)
const holidays = new Set(['2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']);
const swapped = new Set(['2026-09-20', '2026-10-10']);
const isWorkday = (d: string) => swapped.has(d) || (!holidays.has(d) && !isWeekend(d));
const at = (iso: string) => new Date(iso);

describe('the state machine', () => {
  it('walks the whole path of DESIGN.md', () => {
    const path: Array<[string, string, string, string]> = [
      ['draft', 'submit', 'applicant', 'submitted'],
      ['submitted', 'flag', 'staff', 'correction_required'],
      ['correction_required', 'submit', 'applicant', 'submitted'],
      ['submitted', 'pass', 'staff', 'prereview_passed'],
      ['prereview_passed', 'accept', 'staff', 'accepted'],
      ['accepted', 'start_review', 'staff', 'under_review'],
      ['under_review', 'approve', 'staff', 'approved'],
      ['approved', 'deliver', 'staff', 'delivered'],
    ];
    for (const [from, action, by, to] of path) expect(transition(from as never, action as never, by as never)).toEqual({ ok: true, to });
    expect(transition('prereview_passed', 'refuse', 'staff')).toEqual({ ok: true, to: 'refused' });
    expect(transition('under_review', 'deny', 'staff')).toEqual({ ok: true, to: 'denied' });
    expect(transition('denied', 'deliver', 'staff')).toEqual({ ok: true, to: 'delivered' });
  });

  it('makes a result collected at the window ready first, then hands it over; staff only', () => {
    expect(transition('approved', 'ready', 'staff')).toEqual({ ok: true, to: 'ready_for_pickup' });
    expect(transition('denied', 'ready', 'staff')).toEqual({ ok: true, to: 'ready_for_pickup' });
    expect(transition('ready_for_pickup', 'deliver', 'staff')).toEqual({ ok: true, to: 'delivered' });
    expect(transition('ready_for_pickup', 'deliver', 'applicant')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(transition('under_review', 'ready', 'staff')).toEqual({ ok: false, code: 'INVALID_STATE' });
    expect(transition('ready_for_pickup', 'withdraw', 'applicant')).toEqual({ ok: false, code: 'INVALID_STATE' });
  });

  it('lets the applicant withdraw before acceptance only', () => {
    for (const s of ['draft', 'submitted', 'correction_required', 'prereview_passed'] as const) {
      expect(transition(s, 'withdraw', 'applicant')).toEqual({ ok: true, to: 'withdrawn' });
    }
    for (const s of ['accepted', 'refused', 'under_review', 'approved', 'denied', 'delivered', 'withdrawn'] as const) {
      expect(transition(s, 'withdraw', 'applicant')).toEqual({ ok: false, code: 'INVALID_STATE' });
    }
  });

  it('lets only the system accept by the law clock', () => {
    expect(transition('submitted', 'deem_accept', 'system')).toEqual({ ok: true, to: 'accepted' });
    expect(transition('submitted', 'deem_accept', 'staff')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(transition('prereview_passed', 'accept', 'applicant')).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('answers INVALID_STATE for every (state, action) pair not listed', () => {
    const listed = new Set(TRANSITIONS.map((e) => `${e.from}|${e.action}`));
    let refused = 0;
    for (const s of APPLICATION_STATUSES) {
      for (const a of APPLICATION_ACTIONS) {
        if (listed.has(`${s}|${a}`)) continue;
        for (const by of ['applicant', 'staff', 'system'] as const) expect(transition(s, a, by)).toEqual({ ok: false, code: 'INVALID_STATE' });
        refused++;
      }
    }
    expect(refused).toBe(APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length - TRANSITIONS.length);
    // nothing leaves a final state
    for (const s of ['delivered', 'refused', 'withdrawn', 'returned'] as const) expect(TRANSITIONS.some((e) => e.from === s)).toBe(false);
  });

  it('puts the window steps in the order of DESIGN.md: refusal at once, a notice after the originals check, deemed acceptance only from submitted', () => {
    expect(transition('submitted', 'refuse', 'staff')).toEqual({ ok: true, to: 'refused' });
    expect(transition('prereview_passed', 'flag', 'staff')).toEqual({ ok: true, to: 'correction_required' });
    expect(transition('prereview_passed', 'deem_accept', 'system')).toEqual({ ok: false, code: 'INVALID_STATE' });
    expect(transition('correction_required', 'refuse', 'staff')).toEqual({ ok: false, code: 'INVALID_STATE' });
  });

  it('returns (退件) only an accepted filing or one under review; 即办 finishes one the window holds', () => {
    expect(transition('accepted', 'return', 'staff')).toEqual({ ok: true, to: 'returned' });
    expect(transition('under_review', 'return', 'staff')).toEqual({ ok: true, to: 'returned' });
    for (const s of ['submitted', 'prereview_passed', 'approved', 'denied', 'delivered'] as const) expect(transition(s, 'return', 'staff').ok).toBe(false);
    expect(transition('submitted', 'complete', 'staff')).toEqual({ ok: true, to: 'delivered' });
    expect(transition('prereview_passed', 'complete', 'staff')).toEqual({ ok: true, to: 'delivered' });
    for (const s of ['draft', 'correction_required', 'accepted', 'under_review'] as const) expect(transition(s, 'complete', 'staff').ok).toBe(false);
    expect(transition('prereview_passed', 'complete', 'applicant')).toEqual({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('acceptance within one working day (新郑 五(二)2⑶)', () => {
  it('is due the first working day after submission, across weekends and the holiday', () => {
    expect(acceptBy(at('2026-12-07T02:00:00Z'), isWorkday)).toBe('2026-12-08'); // Monday → Tuesday
    expect(acceptBy(at('2026-12-11T09:00:00Z'), isWorkday)).toBe('2026-12-14'); // Friday evening → Monday
    expect(acceptBy(at('2026-09-30T02:00:00Z'), isWorkday)).toBe('2026-10-08'); // before National Day → after it
    expect(acceptBy(at('2026-12-06T16:30:00Z'), isWorkday)).toBe('2026-12-08'); // Monday 00:30 in Shanghai, not Sunday in UTC
  });

  it('is late for the supervisor only the day after acceptBy, and never once accepted', () => {
    expect(lateForAcceptance({ acceptBy: '2026-12-08' }, '2026-12-08')).toBe(false); // the whole day is allowed
    expect(lateForAcceptance({ acceptBy: '2026-12-08' }, '2026-12-09')).toBe(true);
    expect(lateForAcceptance({ acceptBy: null }, '2026-12-31')).toBe(false); // accepted or not awaiting acceptance
  });
});

describe('容缺: the commitment kept', () => {
  const m = (materialId: string, committed: boolean, fileCount: number) => ({ materialId, committed, fileCount });

  it('owes the committed materials without a file, and is open, fulfilled or absent at acceptance', () => {
    expect(owedMaterials([m('a', true, 0), m('b', true, 1), m('c', false, 0), m('d', true, 0)])).toEqual(['a', 'd']);
    expect(commitmentAtAcceptance([m('a', true, 0), m('b', false, 1)])).toBe('open');
    expect(commitmentAtAcceptance([m('a', true, 2)])).toBe('fulfilled');
    expect(commitmentAtAcceptance([m('a', false, 0)])).toBeNull();
  });

  it('is breached only when open, past its due time, with something still owed', () => {
    const dueAt = at('2026-12-14T15:59:59.999Z');
    const after = at('2026-12-14T16:00:00Z');
    expect(commitmentBreached({ status: 'open', dueAt }, 1, after)).toBe(true);
    expect(commitmentBreached({ status: 'open', dueAt }, 1, at('2026-12-14T15:59:00Z'))).toBe(false);
    expect(commitmentBreached({ status: 'open', dueAt }, 0, after)).toBe(false);
    expect(commitmentBreached({ status: 'fulfilled', dueAt }, 1, after)).toBe(false);
    expect(commitmentBreached({ status: 'breached', dueAt }, 1, after)).toBe(false);
    expect(commitmentBreached({ status: 'open', dueAt: null }, 1, after)).toBe(false);
  });

  it('bars further 容缺 for the configured days from the breach, on the company when made for one', () => {
    const recorded = at('2026-12-15T01:00:00Z');
    expect(barUntil(recorded, 180).toISOString()).toBe('2027-06-13T01:00:00.000Z');
    const records = [{ barUntil: at('2027-01-01T00:00:00Z') }, { barUntil: at('2027-06-13T01:00:00Z') }, { barUntil: at('2026-01-01T00:00:00Z') }];
    expect(barredUntil(records, at('2026-12-20T00:00:00Z'))?.toISOString()).toBe('2027-06-13T01:00:00.000Z');
    expect(barredUntil(records, at('2027-06-13T01:00:00Z'))).toBeNull();
    expect(barredUntil([], recorded)).toBeNull();
    expect(creditSubject({ userId: 'u', enterpriseId: null })).toEqual({ type: 'person', id: 'u' });
    expect(creditSubject({ userId: 'u', enterpriseId: 'e' })).toEqual({ type: 'enterprise', id: 'e' });
  });
});

describe('numbers', () => {
  it('formats filing numbers with the Shanghai date and a random part', () => {
    expect(filingNumber(at('2026-11-30T16:30:00Z'), 123)).toBe('ZW20261201-000123');
    expect(FILING_NUMBER_RE.test(filingNumber(at('2026-12-01T01:00:00Z'), 999_999))).toBe(true);
    expect(receiptNumber(at('2026-12-01T01:00:00Z'), new Uint8Array([0, 1, 2, 3, 4, 31]))).toBe('SL20261201-23456Z');
  });
});

describe('the receipt (受理通知书)', () => {
  it('lists the materials received, those a certificate stood for, and those owed with their due date', () => {
    const lists = receiptLists(
      [
        { name: '申请书', files: 2, reused: null, committed: false },
        { name: '营业执照副本复印件', files: 0, reused: { type: '营业执照', number: 'ZZ20261207-2345678Z' }, committed: false },
        { name: '场所平面图', files: 0, reused: null, committed: true },
        { name: '其他说明材料', files: 0, reused: null, committed: false },
      ],
      '2026年12月14日',
    );
    expect(lists).toEqual([
      { title: '已收取的申请材料', items: ['申请书（2 个文件）', '营业执照副本复印件（电子证照免提交：营业执照，编号 ZZ20261207-2345678Z）'] },
      { title: '容缺待补交的材料', items: ['场所平面图（容缺受理，须于2026年12月14日前补交）'] },
    ]);
    expect(receiptLists([{ name: '申请书', files: 1, reused: null, committed: false }], 'x')).toHaveLength(1);
  });

  it('lists a paper owed then handed in after acceptance as received, and an owed paper without a dated commitment as owed', () => {
    const late = receiptLists([{ name: '场所平面图', files: 1, reused: null, committed: true }], '2026年12月14日');
    expect(late).toEqual([{ title: '已收取的申请材料', items: ['场所平面图（1 个文件）'] }]);
    expect(receiptLists([{ name: '场所平面图', files: 0, reused: null, committed: true }], null)[1]).toEqual({ title: '容缺待补交的材料', items: ['场所平面图（容缺受理，待补交）'] });
  });
});

describe('the delivery the applicant chooses', () => {
  it('is among the methods the service publishes, until the result is handed over', () => {
    expect(deliveryChoiceProblem('draft', 'post', ['window', 'post'])).toBeNull();
    expect(deliveryChoiceProblem('ready_for_pickup', 'post', ['window', 'post'])).toBeNull();
    expect(deliveryChoiceProblem('approved', 'online', ['window', 'post'])).toBe('NOT_PUBLISHED');
    for (const s of ['delivered', 'withdrawn', 'refused'] as const) expect(deliveryChoiceProblem(s, 'window', ['window'])).toBe('INVALID_STATE');
  });
});

describe('submission', () => {
  it('lists required materials with neither a file nor a credit commitment', () => {
    const m = (materialId: string, required: boolean, tolerable: boolean, fileCount: number, committed: boolean) => ({ materialId, required, tolerable, fileCount, committed });
    expect(
      missingMaterials([m('a', true, false, 0, false), m('b', true, true, 0, true), m('c', true, true, 0, false), m('d', false, false, 0, false), m('e', true, false, 1, false), m('f', true, false, 0, true)]),
    ).toEqual(['a', 'c', 'f']);
  });

  it('takes a material filled from a valid certificate (免提交) as given, with no upload', () => {
    expect(missingMaterials([{ materialId: 'licence', required: true, tolerable: false, fileCount: 0, committed: false, reused: true }])).toEqual([]);
    expect(missingMaterials([{ materialId: 'licence', required: true, tolerable: false, fileCount: 0, committed: false, reused: false }])).toEqual(['licence']);
  });
});

describe('pre-review decisions', () => {
  it('needs one decision for every material, and a reason for each flag', () => {
    expect(checkDecisions(['a', 'b'], [{ materialId: 'a', ok: true }, { materialId: 'b', ok: false, reason: '不清晰' }])).toEqual([]);
    const p = checkDecisions(['a', 'b'], [{ materialId: 'a', ok: false, reason: ' ' }, { materialId: 'x', ok: true }, { materialId: 'a', ok: true }]);
    expect(p.map((x) => x.field)).toEqual(['decisions.0.reason', 'decisions.1.materialId', 'decisions.2.materialId', 'decisions']);
  });

  it('locks the one-time notice: after it, only named or changed materials may be flagged', () => {
    const flags = [{ materialId: 'a', ok: false }, { materialId: 'b', ok: false }, { materialId: 'c', ok: false }, { materialId: 'd', ok: true }];
    expect(lockedFlags({ notices: 0, named: new Set(), changed: new Set() }, flags)).toEqual([]);
    expect(lockedFlags({ notices: 1, named: new Set(['a']), changed: new Set(['b']) }, flags)).toEqual(['c']);
  });
});

describe('changed since the notice (resubmission and the staff view)', () => {
  const snap = (files: string[], committed = false) => ({ files, committed });
  it('sees no change while the files are the same set of bytes', () => {
    expect(changedSinceNotice(snap(['h1']), snap(['h1']), true)).toBe(false);
    expect(changedSinceNotice(snap(['h1', 'h2']), snap(['h2', 'h1']), true)).toBe(false);
    expect(changedSinceNotice(snap([]), snap([]), false)).toBe(false);
  });
  it('sees no change when the same bytes are uploaded again or put back after removal', () => {
    expect(changedSinceNotice(snap(['h1']), snap(['h1', 'h1']), true)).toBe(false);
  });
  it('sees a file added, removed or replaced', () => {
    expect(changedSinceNotice(snap(['h1']), snap(['h1', 'h2']), false)).toBe(true);
    expect(changedSinceNotice(snap(['h1', 'h2']), snap(['h1']), false)).toBe(true);
    expect(changedSinceNotice(snap(['h1']), snap(['h2']), false)).toBe(true);
    expect(changedSinceNotice(snap([]), snap(['h2']), false)).toBe(true);
  });
  it('counts a credit commitment made since the notice as dealt with, not one that was already there', () => {
    expect(changedSinceNotice(snap([]), snap([], true), true)).toBe(true);
    expect(changedSinceNotice(snap([], true), snap([], true), false)).toBe(false);
  });
  it('falls back on "touched after the notice" for notices without a snapshot', () => {
    expect(changedSinceNotice(null, snap(['h1']), true)).toBe(true);
    expect(changedSinceNotice(null, snap(['h1']), false)).toBe(false);
  });
  it('lists the flagged materials that are not changed, once each, in the notice order', () => {
    const changed = new Set(['b']);
    expect(uncorrectedMaterials(['a', 'b', 'c', 'a'], (id) => changed.has(id))).toEqual(['a', 'c']);
    expect(uncorrectedMaterials(['b'], (id) => changed.has(id))).toEqual([]);
  });
});

describe("the law's pre-review clock", () => {
  it('runs 5 working days after the day of submission, across holidays', () => {
    // submitted Wed 2026-09-23: 09-24, 09-28, 09-29, 09-30, 10-08 (Mid-Autumn and National Day skipped)
    const submitted = at('2026-09-23T02:00:00Z');
    expect(prereviewDeadline(submitted, isWorkday).toISOString()).toBe('2026-10-08T15:59:59.999Z');
    expect(deemedAccepted(submitted, at('2026-10-08T15:00:00Z'), isWorkday)).toBe(false);
    expect(deemedAccepted(submitted, at('2026-10-08T16:00:00Z'), isWorkday)).toBe(true);
    expect(prereviewDaysLeft(submitted, at('2026-09-23T03:00:00Z'), isWorkday)).toBe(5);
    expect(prereviewDaysLeft(submitted, at('2026-10-02T03:00:00Z'), isWorkday)).toBe(1);
    expect(prereviewDaysLeft(submitted, at('2026-10-12T03:00:00Z'), isWorkday)).toBe(0);
  });
});

describe('sla', () => {
  const due = at('2026-10-09T15:59:59.999Z'); // end of Friday 10-09
  it('is null before acceptance and for refused filings', () => {
    expect(slaState({ status: 'submitted', dueAt: null, decidedAt: null }, at('2026-10-01T00:00:00Z'), isWorkday)).toBeNull();
    expect(slaState({ status: 'refused', dueAt: null, decidedAt: null }, at('2026-10-01T00:00:00Z'), isWorkday)).toBeNull();
  });
  it('is on_track, then due_soon with one working day or less left, then overdue', () => {
    const f = { status: 'accepted' as const, dueAt: due, decidedAt: null };
    expect(slaState(f, at('2026-09-30T02:00:00Z'), isWorkday)).toBe('on_track'); // 10-08, 10-09 left
    expect(slaState(f, at('2026-10-05T02:00:00Z'), isWorkday)).toBe('on_track'); // holiday: 10-08, 10-09 left
    expect(slaState(f, at('2026-10-08T02:00:00Z'), isWorkday)).toBe('due_soon');
    expect(slaState(f, at('2026-10-09T15:00:00Z'), isWorkday)).toBe('due_soon');
    expect(slaState(f, at('2026-10-09T16:00:00Z'), isWorkday)).toBe('overdue');
  });
  it('freezes at the decision', () => {
    expect(slaState({ status: 'delivered', dueAt: due, decidedAt: at('2026-10-09T08:00:00Z') }, at('2026-12-01T00:00:00Z'), isWorkday)).toBe('on_track');
    expect(slaState({ status: 'approved', dueAt: due, decidedAt: at('2026-10-12T08:00:00Z') }, at('2026-12-01T00:00:00Z'), isWorkday)).toBe('overdue');
  });
  it('orders staff lists: key projects, then overdue, then due soon, then by deadline', () => {
    const row = (id: string, keyProject: boolean, sla: 'overdue' | 'due_soon' | 'on_track' | null, due: string | null) => ({
      id,
      keyProject,
      sla,
      dueAt: due ? at(due) : null,
      submittedAt: at('2026-09-01T00:00:00Z'),
      createdAt: at('2026-09-01T00:00:00Z'),
    });
    const rows = [row('a', false, 'on_track', '2026-10-20T00:00:00Z'), row('b', false, 'overdue', '2026-10-01T00:00:00Z'), row('c', true, 'on_track', '2026-10-30T00:00:00Z'), row('d', false, 'due_soon', '2026-10-09T00:00:00Z'), row('e', false, null, null)];
    expect(rows.sort(staffOrder).map((r) => r.id)).toEqual(['c', 'b', 'd', 'e', 'a']);
  });
});

describe('the commitment as a filing shows it', () => {
  it('lists what is committed and still owed, with the stored status and due time, or nothing without a commitment', () => {
    const m = (materialId: string, committed: boolean, fileCount: number) => ({ materialId, committed, fileCount });
    const dueAt = at('2026-12-14T15:59:59.999Z');
    const monday = at('2026-12-07T02:00:00Z');
    expect(commitmentView({ commitmentStatus: 'open', commitmentDueAt: dueAt }, [m('a', true, 0), m('b', false, 0), m('c', true, 1)], monday, isWorkday)).toEqual({
      materialIds: ['a', 'c'],
      owed: ['a'],
      dueAt: '2026-12-14T15:59:59.999Z',
      daysLeft: 5,
      status: 'open',
    });
    // counting down in working days: Friday leaves Monday only; after the day, nothing
    expect(commitmentView({ commitmentStatus: 'open', commitmentDueAt: dueAt }, [m('a', true, 0)], at('2026-12-11T02:00:00Z'), isWorkday)?.daysLeft).toBe(1);
    expect(commitmentView({ commitmentStatus: 'open', commitmentDueAt: dueAt }, [m('a', true, 0)], at('2026-12-16T02:00:00Z'), isWorkday)?.daysLeft).toBe(0);
    expect(commitmentView({ commitmentStatus: null, commitmentDueAt: null }, [m('a', true, 0)], monday, isWorkday)).toMatchObject({ status: 'open', dueAt: null, daysLeft: null });
    expect(commitmentView({ commitmentStatus: null, commitmentDueAt: null }, [m('a', true, 1)], monday, isWorkday)).toMatchObject({ status: 'fulfilled', owed: [] });
    expect(commitmentView({ commitmentStatus: null, commitmentDueAt: null }, [m('a', false, 0)], monday, isWorkday)).toBeNull();
  });
});

describe('takesResponsibility (首问负责)', () => {
  it('names whoever first takes the filing at the window, not a pre-reviewer', () => {
    expect(takesResponsibility(null, 'accept')).toBe(true);
    expect(takesResponsibility(null, 'refuse')).toBe(true);
    expect(takesResponsibility(null, 'complete')).toBe(true);
    // a filing the law's clock accepted is taken by its first reviewer
    expect(takesResponsibility(null, 'start_review')).toBe(true);
    expect(takesResponsibility(null, 'flag')).toBe(false);
    expect(takesResponsibility(null, 'pass')).toBe(false);
  });

  it('keeps the responsible person through later steps', () => {
    for (const action of ['accept', 'start_review', 'approve', 'deliver', 'return']) expect(takesResponsibility('staff-1', action)).toBe(false);
  });
});
