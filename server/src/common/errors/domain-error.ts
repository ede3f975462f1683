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

/**
 * 400 VALIDATION_FAILED naming one field, as the validation pipe answers: `message` goes to the field,
 * `summary` (default: the same) is what people read first; `extra` joins the details.
 */
export const fieldError = (field: string, message: string, summary = message, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError('VALIDATION_FAILED', summary, { fields: [{ field, message }], ...extra });
