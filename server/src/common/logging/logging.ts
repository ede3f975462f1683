import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Params } from 'nestjs-pino';
import { maskSensitiveText } from '@gov/shared';
import { AppConfig } from '../../config/app-config';

/**
 * Structured JSON logs. Every line passes through `maskSensitiveText` on its way out, so that
 * no full phone or ID number reaches a log whatever code logged it; tokens are redacted.
 */
export function loggingParams(config: AppConfig): Params {
  const stream = config.logFile ? pino.destination({ dest: config.logFile, mkdir: true, sync: false }) : pino.destination(1);
  return {
    pinoHttp: [
      {
        level: config.logLevel,
        hooks: { streamWrite: (line: string) => maskSensitiveText(line) },
        // the request and response serializers below write no headers: only fields of logged objects need redacting
        redact: { paths: ['*.password', '*.refreshToken', '*.accessToken'], censor: '[redacted]' },
        genReqId: (req: IncomingMessage, res: ServerResponse) => {
          const given = req.headers['x-request-id'];
          const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
          res.setHeader('x-request-id', id);
          return id;
        },
        // Serializers of the raw request and response: pino-http's wrapping would first copy every
        // header of each request into an object that these three fields are then taken from.
        wrapSerializers: false,
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          err: pino.stdSerializers.err,
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
          err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      },
      stream,
    ],
  };
}
