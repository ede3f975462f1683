import { Logger as NestLogger } from '@nestjs/common';
import { answerClientErrors } from './common/errors/client-error';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { assertUtf8mb4 } from './database/charset-guard';
import { sendError } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { AppConfig } from './config/app-config';

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

  app.use(
    helmet({
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
    }),
  );
  app.enableCors({ origin: config.corsOrigins, credentials: false, maxAge: 600 });
  app.use(express.json({ limit: config.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: config.bodyLimit }));
  // Errors thrown before Nest's routing (bad JSON, too large) get the same shape as every other error.
  const early = new NestLogger('Http');
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
