import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AccountModule } from './account/account.module';
import { ApplicationsModule } from './applications/applications.module';
import { CertificatesModule } from './certificates/certificates.module';
import { AdminModule } from './admin/admin.module';
import { AuthModule } from './auth/auth.module';
import { BookingModule } from './booking/booking.module';
import { CalendarModule } from './calendar/calendar.module';
import { CatalogModule } from './catalog/catalog.module';
import { BundlesModule } from './bundles/bundles.module';
import { AuditModule } from './common/audit/audit.module';
import { AuthGuard } from './common/auth/auth.guard';
import { TestSupportController } from './common/clock/test-support.controller';
import { CoreModule } from './common/core.module';
import { DelegationModule } from './delegation/delegation.module';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { loggingParams } from './common/logging/logging';
import { throttlerOptions } from './common/throttle';
import { AppConfig } from './config/app-config';
import { dataSourceOptions, migrate } from './database/data-source';
import { SeedModule } from './database/seeds/seed.module';
import { ClientConfigController } from './health/client-config.controller';
import { HealthController } from './health/health.controller';
import { FilesModule } from './files/files.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OutboxModule } from './outbox/outbox.module';
import { OffhoursModule } from './offhours/offhours.module';
import { RatingsModule } from './ratings/ratings.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { DeskModule } from './desk/desk.module';
import { UsersModule } from './users/users.module';
import { HallPolicyModule } from './catalog/hall-policy.module';
import { QueueModule } from './queue/queue.module';
import { ExportsModule } from './exports/exports.module';
import { MetricsModule } from './metrics/metrics.module';
import { GuidanceModule } from './guidance/guidance.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { AssistanceModule } from './assistance/assistance.module';
import { SupervisionModule } from './supervision/supervision.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggingParams(config)),
        ThrottlerModule.forRoot(throttlerOptions(config)),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          dataSourceFactory: async (options) => {
            const ds = await new DataSource(options!).initialize();
            await migrate(ds);
            return ds;
          },
        }),
        AuditModule,
        UsersModule,
        AuthModule,
        SeedModule,
        AdminModule,
        CatalogModule,
        BundlesModule,
        CalendarModule,
        AccessModule,
        NotificationsModule,
        OutboxModule.forRoot(config),
        BookingModule,
        JobsModule,
        ApplicationsModule,
        CertificatesModule,
        FilesModule,
        OffhoursModule,
        EnterprisesModule,
        DelegationModule,
        RatingsModule,
        FollowUpsModule,
        AccountModule,
        DeskModule,
        HallPolicyModule,
        QueueModule,
        ExportsModule,
        MetricsModule,
        GuidanceModule,
        ConsultationsModule,
        AssistanceModule,
        SupervisionModule,
      ],
      controllers: [HealthController, ClientConfigController, ...(config.testClock && !config.isProduction ? [TestSupportController] : [])],
      providers: [
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
