import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyError } from './error-classify.rules';
import { httpStatusOf } from './error-status';

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

export function sendError(res: Response, req: Request & { id?: unknown }, exception: unknown, logger: Pick<Logger, 'error' | 'warn'>): void {
  const a = classifyError(exception);
  const status = httpStatusOf(a.code);
  if (a.unexpected) {
    logger.error({ reqId: req.id, err: exception, method: req.method, url: req.originalUrl }, 'unexpected error');
  } else if (a.code === 'UNAVAILABLE') {
    logger.warn({ reqId: req.id, err: exception instanceof Error ? exception.message : String(exception) }, 'dependency unavailable');
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  if (status === 429 && !res.getHeader('Retry-After')) {
    const named = Object.entries(res.getHeaders()).find(([k]) => k.toLowerCase().startsWith('retry-after-'));
    res.setHeader('Retry-After', named ? String(named[1]) : '60');
  }
  if (status === 503) res.setHeader('Retry-After', '5');
  res.status(status).json({ code: a.code, message: a.message, details: a.details });
}
