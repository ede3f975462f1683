import { isDuplicateKey, isRetryableTxError, isUnavailableError } from './db-errors';

describe('driver-error classification', () => {
  it('knows a duplicate key on MySQL (code or errno, bare or wrapped) and on SQLite', () => {
    expect(isDuplicateKey({ code: 'ER_DUP_ENTRY' })).toBe(true);
    expect(isDuplicateKey({ driverError: { errno: 1062 } })).toBe(true);
    expect(isDuplicateKey(new Error('UNIQUE constraint failed: applications.number'))).toBe(true);
    expect(isDuplicateKey({ code: 'ER_LOCK_DEADLOCK', errno: 1213 })).toBe(false);
    expect(isDuplicateKey(null)).toBe(false);
  });

  it('retries deadlocks and lock-wait timeouts only', () => {
    expect(isRetryableTxError({ errno: 1213 })).toBe(true);
    expect(isRetryableTxError({ driverError: { errno: 1205 } })).toBe(true);
    expect(isRetryableTxError({ code: 'ER_LOCK_DEADLOCK' })).toBe(true);
    expect(isRetryableTxError({ errno: 1062, code: 'ER_DUP_ENTRY' })).toBe(false);
    expect(isRetryableTxError(undefined)).toBe(false);
  });

  it("retries TiDB's write conflicts and retryable commit failures too", () => {
    for (const errno of [8002, 8005, 8022, 8028, 9007]) expect(isRetryableTxError({ driverError: { errno } })).toBe(true);
    expect(isRetryableTxError({ errno: 8004 })).toBe(false); // transaction too large: retrying will not help
  });

  it('tells a lost or refused connection from other faults', () => {
    expect(isUnavailableError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isUnavailableError({ driverError: { code: 'PROTOCOL_CONNECTION_LOST' } })).toBe(true);
    expect(isUnavailableError(new Error('Pool is closed.'))).toBe(true);
    expect(isUnavailableError(new Error("ER_PARSE_ERROR near 'SELECT'"))).toBe(false);
  });
});
