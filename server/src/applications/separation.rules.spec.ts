import { decisionVerdict } from './separation.rules';

const filing = { departmentId: 'market', acceptedBy: 'clerk' };

describe('decisionVerdict (受审分离)', () => {
  it('lets a reviewer of the service department decide a filing someone else accepted', () => {
    expect(decisionVerdict({ id: 'rev', roles: ['staff', 'reviewer'], departmentId: 'market' }, filing, true)).toBe('ok');
  });
  it('refuses the person who accepted it, even when they are also a reviewer of the department', () => {
    expect(decisionVerdict({ id: 'clerk', roles: ['staff', 'window', 'reviewer'], departmentId: 'market' }, filing, true)).toBe('accepted_it');
    expect(decisionVerdict({ id: 'clerk', roles: ['admin'], departmentId: null }, filing, true)).toBe('accepted_it');
  });
  it('lets the acceptor who is a reviewer open the review, which decides nothing', () => {
    expect(decisionVerdict({ id: 'clerk', roles: ['staff', 'window', 'reviewer'], departmentId: 'market' }, filing, false)).toBe('ok');
  });
  it('refuses reviewers of another department and staff without the reviewer duty', () => {
    expect(decisionVerdict({ id: 'rev', roles: ['staff', 'reviewer'], departmentId: 'tax' }, filing, true)).toBe('other_department');
    expect(decisionVerdict({ id: 'rev', roles: ['staff', 'reviewer'], departmentId: null }, filing, true)).toBe('other_department');
    expect(decisionVerdict({ id: 'w', roles: ['staff', 'window', 'supervisor'], departmentId: 'market' }, filing, true)).toBe('not_reviewer');
  });
  it('lets anyone qualified decide a filing accepted by the law clock', () => {
    expect(decisionVerdict({ id: 'rev', roles: ['staff', 'reviewer'], departmentId: 'market' }, { departmentId: 'market', acceptedBy: null }, true)).toBe('ok');
  });
});

describe('decisionVerdict after 同城通办', () => {
  const forwarded = { departmentId: 'transport', acceptedBy: 'town-clerk', receivedBy: 'county-clerk' };
  it('refuses whoever received the forwarded filing at the competent hall, as well as the town clerk who accepted it', () => {
    expect(decisionVerdict({ id: 'county-clerk', roles: ['staff', 'window', 'reviewer'], departmentId: 'transport' }, forwarded, true)).toBe('accepted_it');
    expect(decisionVerdict({ id: 'town-clerk', roles: ['admin'], departmentId: null }, forwarded, true)).toBe('accepted_it');
  });
  it("lets the competent hall's other reviewers of the department decide", () => {
    expect(decisionVerdict({ id: 'county-rev', roles: ['staff', 'reviewer'], departmentId: 'transport' }, forwarded, true)).toBe('ok');
    expect(decisionVerdict({ id: 'county-rev', roles: ['staff', 'reviewer'], departmentId: 'transport' }, { ...forwarded, receivedBy: null }, true)).toBe('ok');
  });
});
