import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import type { Params } from 'nestjs-pino';
import { maskSensitiveText, maskTypedValue } from '@gov/shared';
import { AppConfig } from '../../config/app-config';

/** A request's id: the client's `X-Request-Id` when it is a plain token of at most 64 characters, else a new UUID. */
export function requestIdOf(req: IncomingMessage): string {
  const known = ids.get(req);
  if (known !== undefined) return known;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
  ids.set(req, id);
  return id;
}

/**
 * A request URL as the logs show it: the path as it is, and each query value through
 * `maskTypedValue`, written back decoded — a phone or ID number typed into a search box reaches the
 * log masked however it was written (`?q=139-1234-0001`, `?q=%2B86%20139%201234%200001`, full-width
 * digits, or split by any punctuation or invisible character: all `?q=139****0001`), which the
 * line-wide `maskSensitiveText` cannot see through. Any run of eleven or more digits is masked so
 * (a filing number searched for too: `ZW202*******0123`; the request id still ties the line to it).
 */
export function urlForLog(url: string | undefined): string | undefined {
  const at = url?.indexOf('?') ?? -1;
  if (url === undefined || at < 0) return url;
  const parts: string[] = [];
  new URLSearchParams(url.slice(at + 1)).forEach((v, k) => parts.push(`${maskTypedValue(k)}=${maskTypedValue(v)}`));
  return `${url.slice(0, at)}?${parts.join('&')}`;
}

/** Each request's id once made (the fast lane's log lines and answer, and pino-http's, share it). */
const ids = new WeakMap<IncomingMessage, string>();

/**
 * The access log's level for an answer's status: error for 5xx, warn for 4xx but 409, info else. A
 * 409 is a business refusal answered as designed (SLOT_FULL, a duplicate, a state that moved on): at
 * 8:00 there are thousands a second, and they are outcomes, not problems.
 */
export function logLevelOf(status: number): 'info' | 'warn' | 'error' {
  return status >= 500 ? 'error' : status >= 400 && status !== 409 ? 'warn' : 'info';
}

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
          const id = requestIdOf(req);
          res.setHeader('x-request-id', id);
          return id;
        },
        // Serializers of the raw request and response: pino-http's wrapping would first copy every
        // header of each request into an object that these three fields are then taken from.
        wrapSerializers: false,
        serializers: {
          req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: urlForLog(req.url) }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          err: pino.stdSerializers.err,
        },
        customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err ? 'error' : logLevelOf(res.statusCode)),
        autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
      },
      stream,
    ],
  };
}
