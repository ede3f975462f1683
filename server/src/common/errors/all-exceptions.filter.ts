import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyError, type ErrorAnswer } from './error-classify.rules';
import { httpStatusOf } from './error-status';
import { urlForLog } from '../logging/logging';

/** The one global filter: every error leaves as `{ code, message, details }`, never with a stack or SQL. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: unknown }>();
    sendError(res, req, exception, this.logger);
  }
}

/**
 * Log an error as it is answered: an unexpected one in full (its stack stays in the log, never in the
 * answer), a dependency that is down as a warning, and nothing for a domain refusal. Used by the
 * filter and by the fast lane's answers (common/http/fast-lane.ts), which pass the `req` binding the
 * request logger gives the filter's lines on the full pipeline.
 */
export function reportError(logger: Pick<Logger, 'error' | 'warn'>, a: ErrorAnswer, exception: unknown, req: { id?: unknown; method?: string; url?: string }, bindings: object = {}): void {
  if (a.unexpected) {
    logger.error({ ...bindings, reqId: req.id, err: exception, method: req.method, url: urlForLog(req.url) }, 'unexpected error');
  } else if (a.code === 'UNAVAILABLE') {
    logger.warn({ ...bindings, reqId: req.id, err: exception instanceof Error ? exception.message : String(exception) }, 'dependency unavailable');
  }
}

/** The Retry-After (seconds) of an error answer with this status that always carries one: 503 → 5 s. */
export const RETRY_AFTER_503_S = '5';

export function sendError(res: Response, req: Request & { id?: unknown }, exception: unknown, logger: Pick<Logger, 'error' | 'warn'>): void {
  const a = classifyError(exception);
  const status = httpStatusOf(a.code);
  reportError(logger, a, exception, { id: req.id, method: req.method, url: req.originalUrl });
  if (res.headersSent) {
    res.end();
    return;
  }
  if (status === 429 && !res.getHeader('Retry-After')) {
    const named = Object.entries(res.getHeaders()).find(([k]) => k.toLowerCase().startsWith('retry-after-'));
    res.setHeader('Retry-After', named ? String(named[1]) : '60');
  }
  if (status === 503) res.setHeader('Retry-After', RETRY_AFTER_503_S);
  res.status(status).json({ code: a.code, message: a.message, details: a.details });
}
