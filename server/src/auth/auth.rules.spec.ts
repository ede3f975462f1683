import { formatSmsCode, judgeRefreshToken, judgeSmsCode, smsVerdictMessage } from './auth.rules';

const now = new Date('2026-11-23T08:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('judgeSmsCode', () => {
  const fresh = { expiresAt: later(5 * 60_000), attempts: 0, consumedAt: null };
  it('accepts a matching, fresh, unused code', () => expect(judgeSmsCode(fresh, true, now, 5)).toBe('ok'));
  it('refuses a wrong code', () => expect(judgeSmsCode(fresh, false, now, 5)).toBe('wrong'));
  it('refuses a code at and after its expiry', () => {
    expect(judgeSmsCode(fresh, true, later(5 * 60_000), 5)).toBe('expired');
    expect(judgeSmsCode(fresh, true, later(5 * 60_000 - 1), 5)).toBe('ok');
  });
  it('refuses a used code', () => expect(judgeSmsCode({ ...fresh, consumedAt: now }, true, now, 5)).toBe('consumed'));
  it('locks after the maximum wrong tries even for the right code', () => {
    expect(judgeSmsCode({ ...fresh, attempts: 4 }, true, now, 5)).toBe('ok');
    expect(judgeSmsCode({ ...fresh, attempts: 5 }, true, now, 5)).toBe('locked');
  });
  it('says none when no code was sent', () => expect(judgeSmsCode(null, true, now, 5)).toBe('none'));
  it('tells how many tries are left', () => {
    expect(smsVerdictMessage('wrong', 2)).toContain('2 次');
    expect(smsVerdictMessage('wrong', 0)).toContain('重新获取');
  });
});

describe('formatSmsCode', () => {
  it('always gives six digits', () => {
    expect(formatSmsCode(42)).toBe('000042');
    expect(formatSmsCode(999_999)).toBe('999999');
    expect(formatSmsCode(1_000_123)).toBe('000123');
  });
});

describe('judgeRefreshToken', () => {
  const live = { expiresAt: later(1000), usedAt: null, revokedAt: null };
  it('accepts a live token', () => expect(judgeRefreshToken(live, now)).toBe('ok'));
  it('flags reuse of a spent token', () => expect(judgeRefreshToken({ ...live, usedAt: now }, now)).toBe('reused'));
  it('refuses revoked and expired tokens', () => {
    expect(judgeRefreshToken({ ...live, revokedAt: now }, now)).toBe('revoked');
    expect(judgeRefreshToken(live, later(1000))).toBe('expired');
  });
  it('refuses an unknown token', () => expect(judgeRefreshToken(null, now)).toBe('unknown'));
});
