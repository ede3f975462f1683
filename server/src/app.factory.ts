import { Logger as NestLogger } from '@nestjs/common';
import { answerClientErrors } from './common/errors/client-error';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger, PinoLogger } from 'nestjs-pino';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { assertUtf8mb4 } from './database/charset-guard';
import { reportError, RETRY_AFTER_503_S, sendError } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { AppConfig } from './config/app-config';
import { CatalogAnswersService } from './catalog/catalog-answers.service';
import { catalogLane } from './catalog/catalog-answers.lane';
import { headersSetBy, installFastLane, LaneAnswer } from './common/http/fast-lane';
import { AccessTokenService } from './common/auth/access-token.service';
import { CallerContextCache } from './common/auth/caller-context.cache';
import { CallerContextLoader } from './common/auth/auth.decorators';
import { classifyError } from './common/errors/error-classify.rules';
import { httpStatusOf } from './common/errors/error-status';
import { logLevelOf, requestIdOf } from './common/logging/logging';
import type { IncomingMessage } from 'node:http';
import { bookingLane } from './booking/booking.lane';
import { BookingController } from './booking/booking.controller';
import { CatalogController } from './catalog/catalog.controller';
import { laneLimiter } from './common/http/lane-limiter';
import { JSON_MAX_DEPTH, nestsDeeperThan, tooDeep } from './common/http/json-depth.rules';
import { getStorageToken, type ThrottlerStorage } from '@nestjs/throttler';
import { BookingService } from './booking/booking.service';
import { SlotPlacesCounter } from './booking/slot-places.counter';
import { bookingResult } from './metrics/metrics.rules';
import { MetricsService } from './metrics/metrics.service';

/** Build the whole application (used by main.ts and by the integration tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  // A database that cannot hold 4-byte characters would answer 500 to the first emoji: refuse to start,
  // naming database and tables (one query after the migrations, no retries).
  await assertUtf8mb4(app.get(DataSource)).catch(async (e: unknown) => {
    await app.close();
    throw e;
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  answerClientErrors(app.getHttpServer());
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  // SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the database, then exit 0
  // (Nest's default re-raises the signal, so the process would end "killed by SIGTERM").
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });

  const security = helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'img-src': ["'self'", 'data:', 'blob:'],
        'script-src': ["'self'", "'unsafe-inline'"],
        // outside production the app is tried over plain http from a phone on the LAN: upgrading its
        // script and style requests to https would leave a blank page
        ...(config.isProduction ? {} : { 'upgrade-insecure-requests': null }),
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.use(security);
  app.enableCors({ origin: config.corsOrigins, credentials: false, maxAge: 600 });
  // no automatic ETag on every JSON answer (a hash of each body): the catalogue sets its own
  app.set('etag', false);
  installLanes(app, config, headersSetBy(security));
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  // Errors thrown before Nest's routing (bad JSON, too large, too deep) get the same shape as every other error.
  const early = new NestLogger('Http');
  app.use((req: Request, res: Response, next: NextFunction) => (nestsDeeperThan(req.body, JSON_MAX_DEPTH) ? sendError(res, req, tooDeep(), early) : next()));
  app.use((err: unknown, req: Request, res: Response, next: NextFunction) => (err ? sendError(res, req, err, early) : next()));

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('政务通 API').setDescription('见 API.md').setVersion('1.0').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  serveH5(app, config.h5Dir);
  return app;
}

/**
 * The fast lane (issue 18) in front of Express: repeated public catalogue reads, and booking requests
 * for a slot this instance saw full, are answered from memory with the headers, log line and metrics
 * the full pipeline would give them (common/http/fast-lane.ts).
 */
function installLanes(app: NestExpressApplication, config: AppConfig, security: Record<string, string>): void {
  const metrics = app.get(MetricsService);
  const json = { ...security, vary: 'Origin', 'content-type': 'application/json; charset=utf-8' };
  const errorsLog = new NestLogger('Errors');
  const retryLater = { ...json, 'retry-after': RETRY_AFTER_503_S };
  /** an error as the global filter answers and logs it (AllExceptionsFilter → sendError) */
  const errorAnswer = (e: unknown, route: string, req?: IncomingMessage): LaneAnswer => {
    const a = classifyError(e);
    const status = httpStatusOf(a.code);
    if (req) {
      const id = requestIdOf(req);
      reportError(errorsLog, a, e, { id, method: req.method, url: req.url }, { req: { id, method: req.method, url: req.url } });
    }
    return { status, headers: status === 503 ? retryLater : json, body: JSON.stringify({ code: a.code, message: a.message, details: a.details }), route };
  };
  const bookings = app.get(BookingService);
  const counted = new Map<string, { latency: { observe(s: number): void }; requests: { inc(): void }; lane: { inc(): void }; booking: 'booked' | 'refused' | null }>();
  installFastLane(app.getHttpServer(), {
    lanes: [catalogLane(app.get(CatalogAnswersService))],
    bodyLanes: [
      bookingLane({
        tokens: app.get(AccessTokenService),
        callers: app.get(CallerContextCache),
        loader: optional(app, CallerContextLoader),
        places: app.get(SlotPlacesCounter),
        headers: json,
        book: (caller, input) => bookings.book(caller, input),
        error: (e, req) => errorAnswer(e, '/api/bookings', req),
      }),
    ],
    badJson: () => errorAnswer({ type: 'entity.parse.failed', status: 400 }, 'unmatched'),
    levelOf: logLevelOf,
    log: () => PinoLogger.root,
    answered: (method, route, status, seconds) => {
      // the metrics' children for this method, route and status, looked up once (labels hashed once)
      const key = `${method} ${route} ${status}`;
      let c = counted.get(key);
      if (!c) {
        c = { latency: metrics.latency.labels(method, route), requests: metrics.requests.labels(method, route, String(status)), lane: metrics.fastLane.labels(route), booking: bookingResult(method, route, status) };
        counted.set(key, c);
      }
      c.latency.observe(seconds);
      c.requests.inc();
      c.lane.inc();
      if (c.booking) metrics.booking(c.booking);
    },
    // the full pipeline's own per-address limit, in the ThrottlerGuard's counters under its keys
    limit: laneLimiter({
      storage: app.get<ThrottlerStorage>(getStorageToken()),
      perMinute: config.throttleIpLimit,
      handlers: new Map<string, readonly [string, string]>([
        ['/api/services', [CatalogController.name, CatalogController.prototype.services.name]],
        ['/api/services/:id', [CatalogController.name, CatalogController.prototype.guide.name]],
        ['/api/bookings', [BookingController.name, BookingController.prototype.book.name]],
      ]),
      trustLoopbackProxy: true,
    }),
  });
}

/** A provider that may be absent (as `@Optional()` injects it). */
function optional<T>(app: NestExpressApplication, token: abstract new (...args: never[]) => T): T | null {
  try {
    return app.get(token as never, { strict: false }) as T;
  } catch {
    return null;
  }
}

const isApi = (req: Request): boolean => req.path === '/api' || req.path.startsWith('/api/');

/** The H5 build at `/`, with index.html for every non-API path (browser-history routing). */
function serveH5(app: NestExpressApplication, dir: string): void {
  const index = path.join(dir, 'index.html');
  const files = express.static(dir, { index: false, maxAge: '1h', fallthrough: true });
  // Express runs these before Nest's routes: an API request skips them (else each one costs a file-system stat)
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req) || !fs.existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
