import { DEFAULT_ERROR_MESSAGES, ErrorCode } from '@gov/shared';

/** A failure the user can act on. The global filter turns it into `{ code, message, details }`. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message ?? DEFAULT_ERROR_MESSAGES[code]);
    this.name = 'DomainError';
  }
}

export const notFound = (): DomainError => new DomainError('NOT_FOUND');
