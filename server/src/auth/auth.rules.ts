/** Pure rules of sign-in: SMS codes and refresh-token rotation. No Nest, no database. */

export type SmsCodeVerdict = 'ok' | 'wrong' | 'expired' | 'locked' | 'consumed' | 'none';

export interface SmsCodeState {
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
}

/** Judge a code entry against the latest code sent to that phone. */
export function judgeSmsCode(state: SmsCodeState | null, matches: boolean, now: Date, maxAttempts: number): SmsCodeVerdict {
  if (!state) return 'none';
  if (state.consumedAt) return 'consumed';
  if (state.attempts >= maxAttempts) return 'locked';
  if (now.getTime() >= state.expiresAt.getTime()) return 'expired';
  return matches ? 'ok' : 'wrong';
}

/** What the user is told for each refusal. */
export function smsVerdictMessage(verdict: Exclude<SmsCodeVerdict, 'ok'>, attemptsLeft: number): string {
  switch (verdict) {
    case 'wrong':
      return attemptsLeft > 0 ? `验证码错误，还可尝试 ${attemptsLeft} 次` : '验证码错误次数过多，请重新获取';
    case 'expired':
      return '验证码已过期，请重新获取';
    case 'locked':
      return '验证码错误次数过多，请重新获取';
    case 'consumed':
    case 'none':
      return '验证码无效，请重新获取';
    default: {
      const unreachable: never = verdict;
      return unreachable;
    }
  }
}

/** Six random digits from a source of random integers in [0, 10^6). */
export function formatSmsCode(n: number): string {
  return String(Math.abs(Math.trunc(n)) % 1_000_000).padStart(6, '0');
}

export type RefreshVerdict = 'ok' | 'unknown' | 'expired' | 'revoked' | 'reused';

export interface RefreshState {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/**
 * A refresh token may be spent once. Presenting a spent one means it was stolen or replayed:
 * the caller must revoke the whole family (every token issued from that sign-in).
 */
export function judgeRefreshToken(state: RefreshState | null, now: Date): RefreshVerdict {
  if (!state) return 'unknown';
  if (state.usedAt) return 'reused';
  if (state.revokedAt) return 'revoked';
  if (now.getTime() >= state.expiresAt.getTime()) return 'expired';
  return 'ok';
}
