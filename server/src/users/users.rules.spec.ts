import { DomainError } from '../common/errors/domain-error';
import { requireVerified, staffRolesFor } from './users.rules';

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

describe('staffRolesFor (受审分离)', () => {
  it('gives every duty by default, the reviewer duty only with a department', () => {
    expect(staffRolesFor(undefined, 'dept-1')).toEqual(['window', 'reviewer', 'supervisor']);
    expect(staffRolesFor(undefined, null)).toEqual(['window', 'supervisor']);
  });
  it('keeps the duties asked for, each once and in a fixed order', () => {
    expect(staffRolesFor(['supervisor', 'window', 'window'], null)).toEqual(['window', 'supervisor']);
    expect(staffRolesFor(['reviewer'], 'dept-1')).toEqual(['reviewer']);
  });
  it('refuses a reviewer bound to no department', () => {
    expect(staffRolesFor(['reviewer'], null)).toBe('reviewer_needs_department');
  });
});
