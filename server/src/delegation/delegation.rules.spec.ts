import { authorizationVerdict, bestVerdict, displayStatus } from './delegation.rules';

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
  it('null scope means every service', () => {
    expect(authorizationVerdict({ ...a, serviceIds: null }, 'anything', '2026-12-10')).toBe('valid');
  });
  it('shows expired authorisations as expired', () => {
    expect(displayStatus(a, '2027-01-01')).toBe('expired');
    expect(displayStatus(a, '2026-12-31')).toBe('active');
  });
  it('any valid authorisation wins; otherwise the newest tells why', () => {
    expect(bestVerdict(['revoked', 'valid'])).toBe('valid');
    expect(bestVerdict(['revoked', 'expired'])).toBe('revoked');
    expect(bestVerdict(['expired', 'out_of_scope'])).toBe('expired');
    expect(bestVerdict([])).toBe('none');
  });
});
