import { DomainError } from '../common/errors/domain-error';
import { requireVerified } from './users.rules';

describe('requireVerified', () => {
  it('lets a verified person through', () => {
    expect(() => requireVerified({ verifiedAt: new Date('2026-01-05T02:00:00Z') }, '预约')).not.toThrow();
  });

  it('stops an unverified person with REAL_NAME_REQUIRED naming what they tried', () => {
    let caught: unknown;
    try {
      requireVerified({ verifiedAt: null }, '网上申报');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('REAL_NAME_REQUIRED');
    expect((caught as DomainError).message).toBe('网上申报前请先完成实名认证');
  });
});
