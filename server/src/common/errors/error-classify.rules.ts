import { DEFAULT_ERROR_MESSAGES, ErrorCode } from '@gov/shared';
import { isRetryableTxError, isUnavailableError } from '../db/db-errors';
import { DomainError } from './domain-error';

/** What the filter answers: a code, a message for people and details; never a stack or SQL. */
export interface ErrorAnswer {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
  /** true when the fault is ours and must be logged with the request id */
  unexpected: boolean;
}

const answer = (code: ErrorCode, message?: string, details: Record<string, unknown> = {}, unexpected = false): ErrorAnswer => ({
  code,
  message: message ?? DEFAULT_ERROR_MESSAGES[code],
  details,
  unexpected,
});

/**
 * Classify any thrown value. Framework errors (Nest HttpException, body-parser, throttler)
 * arrive here by their `status`/`type` so that this function stays free of Nest.
 */
export function classifyError(e: unknown): ErrorAnswer {
  if (e instanceof DomainError) return answer(e.code, e.message, e.details);
  if (isUnavailableError(e)) return answer('UNAVAILABLE');
  // a deadlock or certification conflict that outlasted the transaction runner's retries (a hot row
  // on a Galera cluster at 8:00): busy, try again (503 with Retry-After), not our fault (500)
  if (isRetryableTxError(e)) return answer('UNAVAILABLE', '当前办理的人较多，请稍后再试');

  const o = (typeof e === 'object' && e !== null ? e : {}) as {
    status?: unknown;
    statusCode?: unknown;
    type?: unknown;
    name?: unknown;
  };
  const status = typeof o.status === 'number' ? o.status : typeof o.statusCode === 'number' ? o.statusCode : undefined;
  // a JSON or form body over BODY_LIMIT (an upload over its limit is the receiver's FILE_TOO_LARGE)
  if (o.type === 'entity.too.large') return answer('PAYLOAD_TOO_LARGE', '提交的内容过大');
  if (status === 413) return answer('FILE_TOO_LARGE', '请求内容过大');
  if (o.type === 'entity.parse.failed') return answer('VALIDATION_FAILED', '请求内容不是合法的 JSON', { fields: [{ field: 'body', message: '无法解析' }] });
  if (o.type === 'encoding.unsupported' || o.type === 'charset.unsupported') return answer('VALIDATION_FAILED', '不支持的请求编码');
  if (e instanceof URIError) return answer('VALIDATION_FAILED', '请求地址格式不正确');
  if (o.name === 'ThrottlerException' || status === 429) return answer('RATE_LIMITED');
  if (status === 404) return answer('NOT_FOUND');
  if (status === 401) return answer('UNAUTHENTICATED');
  if (status === 403) return answer('FORBIDDEN');
  if (status === 405) return answer('NOT_FOUND');
  if (status === 415) return answer('UNSUPPORTED_FILE_TYPE');
  if (status !== undefined && status >= 400 && status < 500) return answer('VALIDATION_FAILED');
  return answer('INTERNAL', undefined, {}, true);
}

/**
 * What to answer a request Node's HTTP parser refused before any route saw it (the server's
 * `clientError` event): headers over the limit → 431 `HEADERS_TOO_LARGE`, a request that did not
 * arrive in time → 408 `REQUEST_TIMEOUT`, anything else malformed → 400 `VALIDATION_FAILED`; null when
 * the connection is already gone and nothing can be written.
 * @param errorCode the Node error's `code` (`HPE_HEADER_OVERFLOW`, `ERR_HTTP_REQUEST_TIMEOUT`, `ECONNRESET`, …)
 */
export function clientErrorAnswer(errorCode: string | undefined): ErrorAnswer | null {
  if (errorCode === 'ECONNRESET' || errorCode === 'EPIPE') return null;
  if (errorCode === 'HPE_HEADER_OVERFLOW') return answer('HEADERS_TOO_LARGE');
  if (errorCode === 'ERR_HTTP_REQUEST_TIMEOUT') return answer('REQUEST_TIMEOUT');
  return answer('VALIDATION_FAILED', '请求格式不正确');
}
