import { ERROR_CODES } from '@gov/shared';
import { DomainError } from './domain-error';
import { isUnavailableError } from '../db/db-errors';
import { classifyError, clientErrorAnswer } from './error-classify.rules';
import { httpStatusOf } from './error-status';

describe('httpStatusOf', () => {
  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of ERROR_CODES) {
      const s = httpStatusOf(code);
      expect(s).toBeGreaterThanOrEqual(400);
      expect(s).toBeLessThan(600);
    }
    expect(httpStatusOf('SLOT_FULL')).toBe(409);
    expect(httpStatusOf('MATERIALS_MISSING')).toBe(422);
    expect(httpStatusOf('UNAVAILABLE')).toBe(503);
  });
});

describe('classifyError', () => {
  it('passes domain errors through with their details', () => {
    const a = classifyError(new DomainError('BOOKING_FORFEITED', '暂停预约', { noShows: 3 }));
    expect(a).toEqual({ code: 'BOOKING_FORFEITED', message: '暂停预约', details: { noShows: 3 }, unexpected: false });
  });

  it('turns lost database connections into UNAVAILABLE', () => {
    expect(classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' })).code).toBe('UNAVAILABLE');
    expect(isUnavailableError({ driverError: { code: 'PROTOCOL_CONNECTION_LOST' } })).toBe(true);
    expect(isUnavailableError(new Error('Pool is closed.'))).toBe(true);
  });

  it('answers a deadlock that outlasted the retries as busy (UNAVAILABLE, try again), not INTERNAL', () => {
    const a = classifyError(Object.assign(new Error("Deadlock found when trying to get lock; try restarting transaction"), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }));
    expect(a).toEqual({ code: 'UNAVAILABLE', message: '当前办理的人较多，请稍后再试', details: {}, unexpected: false });
    expect(classifyError(Object.assign(new Error('Lock wait timeout exceeded'), { errno: 1205 })).code).toBe('UNAVAILABLE');
  });

  it('answers body-parser and framework errors by their status', () => {
    expect(classifyError({ type: 'entity.parse.failed', status: 400 }).code).toBe('VALIDATION_FAILED');
    expect(classifyError({ type: 'entity.too.large', status: 413 }).code).toBe('PAYLOAD_TOO_LARGE');
    expect(classifyError({ status: 413 }).code).toBe('FILE_TOO_LARGE');
    expect(classifyError({ name: 'ThrottlerException', status: 429 }).code).toBe('RATE_LIMITED');
    expect(classifyError({ status: 404 }).code).toBe('NOT_FOUND');
    expect(classifyError(new URIError('URI malformed')).code).toBe('VALIDATION_FAILED');
  });

  it('hides anything unexpected behind INTERNAL without its message', () => {
    const a = classifyError(new Error("ER_PARSE_ERROR near 'SELECT * FROM users'"));
    expect(a.code).toBe('INTERNAL');
    expect(a.unexpected).toBe(true);
    expect(a.message).not.toContain('SELECT');
  });
});

describe('clientErrorAnswer', () => {
  it("answers what Node's parser refused in the contract's shape, or nothing when the peer is gone", () => {
    expect(clientErrorAnswer('HPE_HEADER_OVERFLOW')?.code).toBe('HEADERS_TOO_LARGE');
    expect(httpStatusOf('HEADERS_TOO_LARGE')).toBe(431);
    expect(clientErrorAnswer('ERR_HTTP_REQUEST_TIMEOUT')?.code).toBe('REQUEST_TIMEOUT');
    expect(httpStatusOf('REQUEST_TIMEOUT')).toBe(408);
    expect(clientErrorAnswer('HPE_INVALID_METHOD')).toMatchObject({ code: 'VALIDATION_FAILED', message: '请求格式不正确' });
    expect(clientErrorAnswer('ECONNRESET')).toBeNull();
  });
});
