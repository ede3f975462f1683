import { APPLICATION_STATUSES } from './enums';
import { commitmentText, isEditable, mayHandInOwed } from './filing.rules';

describe('editable filings', () => {
  it('only a draft or a filing waiting for its correction takes new materials', () => {
    expect(APPLICATION_STATUSES.filter(isEditable)).toEqual(['draft', 'correction_required']);
  });
});

describe('the credit commitment', () => {
  it('names every owed material and the working days from acceptance, one text for both sides', () => {
    const t = commitmentText(['房屋产权证明', '营业执照'], 5);
    expect(t).toContain('“房屋产权证明”“营业执照”暂缺');
    expect(t).toContain('自受理之日起 5 个工作日内补交');
    expect(t).toContain('记入信用记录');
  });

  it('lets an owed material in after acceptance only while the commitment is open and not past due', () => {
    const open = { status: 'open', dueAt: '2026-12-14T15:59:59.999Z' };
    const before = new Date('2026-12-14T15:59:00Z');
    expect(mayHandInOwed('accepted', open, before)).toBe(true);
    expect(mayHandInOwed('under_review', open, before)).toBe(true);
    expect(mayHandInOwed('submitted', open, before)).toBe(false);
    expect(mayHandInOwed('approved', open, before)).toBe(false);
    expect(mayHandInOwed('accepted', open, new Date('2026-12-14T16:00:00Z'))).toBe(false);
    expect(mayHandInOwed('accepted', { status: 'breached', dueAt: open.dueAt }, before)).toBe(false);
    expect(mayHandInOwed('accepted', null, before)).toBe(false);
  });
});
