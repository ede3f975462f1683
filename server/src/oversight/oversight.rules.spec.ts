import { overdueFilingText, overdueOffhoursText, overdueRectificationText, toldWhom } from './oversight.rules';

const both = { reviewers: 2, supervisors: 1, departmentName: '清河市市场监督管理局' };
const nobody = { reviewers: 0, supervisors: 0, departmentName: '清河市市场监督管理局' };

describe('督办 texts say only what was done', () => {
  it('names the department reviewers and the hall supervisors who were told', () => {
    expect(toldWhom(both)).toBe('承办部门（清河市市场监督管理局）审核人员和大厅督办人员');
    expect(toldWhom({ ...both, reviewers: 0 })).toBe('大厅督办人员');
    expect(toldWhom({ ...both, supervisors: 0, departmentName: null })).toBe('承办部门审核人员');
  });
  it('tells the applicant whom the overdue filing was put before', () => {
    const t = overdueFilingText('ZW1', '2026-12-08', both);
    expect(t).toContain('2026-12-08');
    expect(t).toContain('通报承办部门（清河市市场监督管理局）审核人员和大厅督办人员督办');
  });
  it('claims no 督促 when nobody could be told', () => {
    for (const t of [overdueFilingText('ZW1', '2026-12-08', nobody), overdueOffhoursText(nobody), overdueRectificationText('2026-12-08', nobody)]) {
      expect(t).not.toMatch(/督促|通报|督办/);
      expect(t).toContain('记录在案');
    }
  });
});
