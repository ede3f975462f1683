import { groupByResponsible } from './supervision.rules';

describe('groupByResponsible (首问负责 on the supervisor board)', () => {
  const li = { name: '李受理', hallName: '市民之家' };
  const wang = { name: '王窗口', hallName: '市民之家' };
  const town = { name: '王窗口', hallName: '城关便民服务站' };

  it('groups by person and hall, the most overdue first, unnamed filings last, each filing once', () => {
    const groups = groupByResponsible([
      { id: 'a', sla: 'due_soon', responsible: li },
      { id: 'b', sla: null, responsible: null },
      { id: 'c', sla: 'overdue', responsible: wang },
      { id: 'd', sla: 'due_soon', responsible: li },
      { id: 'e', sla: 'overdue', responsible: town },
      { id: 'f', sla: 'overdue', responsible: wang },
      { id: 'c', sla: 'overdue', responsible: wang },
    ]);
    expect(groups).toEqual([
      { responsible: wang, applicationIds: ['c', 'f'], overdue: 2 },
      { responsible: town, applicationIds: ['e'], overdue: 1 },
      { responsible: li, applicationIds: ['a', 'd'], overdue: 0 },
      { responsible: null, applicationIds: ['b'], overdue: 0 },
    ]);
  });

  it('answers nothing for an empty board', () => {
    expect(groupByResponsible([])).toEqual([]);
  });
});
