import { agentListOrder, authorizationVerdict, bestVerdict, displayStatus, refusal, respondRefusal, revokeRefusal } from './delegation.rules';

const a = { status: 'active' as const, serviceIds: ['s1', 's2'], validFrom: '2026-12-01', validTo: '2026-12-31' };

describe('authorizationVerdict', () => {
  it('allows a service in scope within the validity period, both ends included', () => {
    expect(authorizationVerdict(a, 's1', '2026-12-01')).toBe('valid');
    expect(authorizationVerdict(a, 's2', '2026-12-31')).toBe('valid');
  });
  it('refuses outside scope, before, after and once revoked', () => {
    expect(authorizationVerdict(a, 's3', '2026-12-10')).toBe('out_of_scope');
    expect(authorizationVerdict(a, 's1', '2026-11-30')).toBe('not_yet_valid');
    expect(authorizationVerdict(a, 's1', '2027-01-01')).toBe('expired');
    expect(authorizationVerdict({ ...a, status: 'revoked' }, 's1', '2026-12-10')).toBe('revoked');
  });
  it('gives no rights until the agent accepts, nor after they decline', () => {
    expect(authorizationVerdict({ ...a, status: 'pending' }, 's1', '2026-12-10')).toBe('not_accepted');
    expect(authorizationVerdict({ ...a, status: 'declined' }, 's1', '2026-12-10')).toBe('declined');
    // to the API both are "no authorisation", with a message that says why
    expect(refusal('not_accepted')).toEqual({ reason: 'none', message: expect.stringContaining('尚未接受') });
    expect(refusal('declined')).toEqual({ reason: 'none', message: expect.stringContaining('已拒绝') });
    expect(refusal('none').reason).toBe('none');
    expect(refusal('out_of_scope').reason).toBe('out_of_scope');
  });
  it('null scope means every service', () => {
    expect(authorizationVerdict({ ...a, serviceIds: null }, 'anything', '2026-12-10')).toBe('valid');
  });
  it('any valid authorisation wins; then one waiting for the agent to accept; otherwise the newest tells why', () => {
    expect(bestVerdict(['revoked', 'valid'])).toBe('valid');
    expect(bestVerdict(['not_accepted', 'valid'])).toBe('valid');
    expect(bestVerdict(['out_of_scope', 'not_accepted'])).toBe('not_accepted');
    expect(bestVerdict(['revoked', 'expired'])).toBe('revoked');
    expect(bestVerdict(['expired', 'out_of_scope'])).toBe('expired');
    expect(bestVerdict([])).toBe('none');
  });
});

describe('authorisation status', () => {
  it('shows an accepted or pending authorisation past its end date as expired; declined and revoked stay so', () => {
    expect(displayStatus(a, '2027-01-01')).toBe('expired');
    expect(displayStatus(a, '2026-12-31')).toBe('active');
    expect(displayStatus({ ...a, status: 'pending' }, '2026-12-31')).toBe('pending');
    expect(displayStatus({ ...a, status: 'pending' }, '2027-01-01')).toBe('expired');
    expect(displayStatus({ ...a, status: 'declined' }, '2027-01-01')).toBe('declined');
    expect(displayStatus({ ...a, status: 'revoked' }, '2027-01-01')).toBe('revoked');
  });
  it('the agent answers only a pending authorisation, and not after its end date', () => {
    expect(respondRefusal({ ...a, status: 'pending' }, '2026-12-31')).toBeNull();
    expect(respondRefusal({ ...a, status: 'pending' }, '2027-01-01')).toMatch(/过期/);
    expect(respondRefusal(a, '2026-12-10')).toMatch(/已接受/);
    expect(respondRefusal({ ...a, status: 'declined' }, '2026-12-10')).toMatch(/已拒绝/);
    expect(respondRefusal({ ...a, status: 'revoked' }, '2026-12-10')).toMatch(/撤销/);
  });
  it('the principal revokes a pending or active authorisation only', () => {
    expect(revokeRefusal(a)).toBeNull();
    expect(revokeRefusal({ ...a, status: 'pending' })).toBeNull();
    expect(revokeRefusal({ ...a, status: 'revoked' })).not.toBeNull();
    expect(revokeRefusal({ ...a, status: 'declined' })).not.toBeNull();
  });
  it("lists the agent's pending invitations first, then the newest", () => {
    const rows = [
      { id: 'old-active', status: 'active' as const, createdAt: '2026-12-01T00:00:00.000Z' },
      { id: 'old-pending', status: 'pending' as const, createdAt: '2026-12-02T00:00:00.000Z' },
      { id: 'new-revoked', status: 'revoked' as const, createdAt: '2026-12-05T00:00:00.000Z' },
      { id: 'new-pending', status: 'pending' as const, createdAt: '2026-12-04T00:00:00.000Z' },
    ];
    expect(agentListOrder(rows).map((r) => r.id)).toEqual(['new-pending', 'old-pending', 'new-revoked', 'old-active']);
  });
});
