import { ErrorCode } from '@gov/shared';

/** The one place that maps a domain error code to its HTTP status (API.md, Errors). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'INVALID_ID_NUMBER':
    case 'INVALID_CREDIT_CODE':
      return 400;
    case 'UNAUTHENTICATED':
    case 'INVALID_CODE':
      return 401;
    case 'FORBIDDEN':
    case 'REAL_NAME_REQUIRED':
    case 'BOOKING_FORFEITED':
    case 'AUTHORIZATION_INVALID':
    case 'SEPARATION_OF_DUTIES':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'SLOT_FULL':
    case 'HALL_CLOSED':
    case 'SLOT_NOT_BOOKABLE':
    case 'DUPLICATE_BOOKING':
    case 'CANCEL_TOO_LATE':
    case 'NOTICE_TOO_SHORT':
    case 'INVALID_STATE':
    case 'NOTICE_LOCKED':
    case 'ALREADY_RATED':
    case 'CONFLICT':
    case 'AUDIENCE_MISMATCH':
    case 'NOTHING_CORRECTED':
    case 'MATERIALS_OUTSTANDING':
      return 409;
    case 'FILE_TOO_LARGE':
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_FILE_TYPE':
      return 415;
    case 'MATERIALS_MISSING':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'INTERNAL':
      return 500;
    case 'UNAVAILABLE':
      return 503;
    case 'HEADERS_TOO_LARGE':
      return 431;
    case 'REQUEST_TIMEOUT':
      return 408;
    default: {
      const unreachable: never = code;
      throw new Error(`unmapped error code ${String(unreachable)}`);
    }
  }
}
