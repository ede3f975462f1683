import { callerContextsFrom, claimKey, enterpriseRefusal, initialStatus, mayReviewEnterprises, registrationConflict } from './enterprises.rules';

describe('company registration', () => {
  it('is verified at once when the creator’s verified real name is the legal representative’s', () => {
    expect(initialStatus({ realName: '张三', verified: true }, '张三')).toBe('verified');
    expect(initialStatus({ realName: '艾力·买买提', verified: true }, '艾力 • 买买提')).toBe('verified');
  });
  it('is pending for anyone else, and for a name that is not verified', () => {
    expect(initialStatus({ realName: '李四', verified: true }, '张三')).toBe('pending');
    expect(initialStatus({ realName: '张三', verified: false }, '张三')).toBe('pending');
    expect(initialStatus({ realName: null, verified: false }, '张三')).toBe('pending');
  });
  it('keys claims so that one company per code is verified and each person claims a code once', () => {
    expect(claimKey('verified', '91410100MA0000001X', 'u1')).toBe('91410100MA0000001X');
    expect(claimKey('pending', '91410100MA0000001X', 'u1')).toBe('91410100MA0000001X:u1');
    expect(claimKey('pending', '91410100MA0000001X', 'u2')).not.toBe(claimKey('pending', '91410100MA0000001X', 'u1'));
    expect(claimKey('rejected', '91410100MA0000001X', 'u1')).toBeNull();
  });
  it('refuses a code with a verified company, and a second claim by the same person; others may claim it', () => {
    expect(registrationConflict([], 'u1')).toBeNull();
    expect(registrationConflict([{ status: 'verified', createdBy: 'u2' }], 'u1')).toMatch(/已登记并通过核验/);
    expect(registrationConflict([{ status: 'pending', createdBy: 'u1' }], 'u1')).toMatch(/等待大厅核验/);
    expect(registrationConflict([{ status: 'pending', createdBy: 'u2' }], 'u1')).toBeNull();
    expect(registrationConflict([{ status: 'rejected', createdBy: 'u1' }], 'u1')).toBeNull();
  });
});

describe('company status', () => {
  it('only a verified company acts; pending and rejected say why', () => {
    expect(enterpriseRefusal('verified')).toBeNull();
    expect(enterpriseRefusal('pending')).toEqual({ reason: 'enterprise_pending', message: expect.stringContaining('待大厅核验') });
    expect(enterpriseRefusal('rejected')).toEqual({ reason: 'enterprise_rejected', message: expect.stringContaining('未通过') });
  });
  it('window staff (bound to a hall) and admins review companies; nobody else', () => {
    expect(mayReviewEnterprises({ roles: ['staff'], hallId: 'h1' })).toBe(true);
    expect(mayReviewEnterprises({ roles: ['admin'], hallId: null })).toBe(true);
    expect(mayReviewEnterprises({ roles: ['staff'], hallId: null })).toBe(false);
    expect(mayReviewEnterprises({ roles: ['citizen'], hallId: null })).toBe(false);
  });
});

describe('callerContextsFrom', () => {
  const at = new Date('2026-11-01T00:00:00Z');
  it("gathers each caller's companies from the joined rows, and whether the account is verified", () => {
    const m = callerContextsFrom([
      { userId: 'a', disabled: 0, verifiedAt: at, enterpriseId: 'e1' },
      { userId: 'b', disabled: '0', verifiedAt: null, enterpriseId: null },
      { userId: 'a', disabled: 0, verifiedAt: at, enterpriseId: 'e2' },
    ]);
    expect(m.get('a')).toEqual({ enterpriseIds: ['e1', 'e2'], verified: true });
    expect(m.get('b')).toEqual({ enterpriseIds: [], verified: false });
    expect(m.has('c')).toBe(false);
  });
  it('gives a closed account no context, whichever of its rows comes first', () => {
    const m = callerContextsFrom([
      { userId: 'a', disabled: false, verifiedAt: at, enterpriseId: 'e1' },
      { userId: 'a', disabled: 1, verifiedAt: at, enterpriseId: 'e2' },
      { userId: 'a', disabled: 1, verifiedAt: at, enterpriseId: 'e3' },
    ]);
    expect(m.get('a')).toBeNull();
  });
});
