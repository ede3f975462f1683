import { Global, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsMiddleware } from './metrics.middleware';
import { MetricsService } from './metrics.service';

/** Prometheus metrics (GET /api/metrics); MetricsService is global so any feature (jobs, the outbox) can count. */
@Global()
@Module({ controllers: [MetricsController], providers: [MetricsService, MetricsMiddleware], exports: [MetricsService] })
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
