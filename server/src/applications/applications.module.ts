import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BundlesModule } from '../bundles/bundles.module';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { DelegationModule } from '../delegation/delegation.module';
import { FileEntity } from '../files/entities/file.entity';
import { FilesModule } from '../files/files.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RatingsModule } from '../ratings/ratings.module';
import { UsersModule } from '../users/users.module';
import { OversightModule } from '../oversight/oversight.module';
import { ApplicationsController } from './applications.controller';
import { ApplicationsJobs } from './applications.jobs';
import { ApplicationsService } from './applications.service';
import { FilingKernel } from './filing-kernel.service';
import { ForwardingService } from './forwarding.service';
import { ApplicationEventEntity } from './entities/application-event.entity';
import { ApplicationMaterialEntity } from './entities/application-material.entity';
import { ApplicationNoticeEntity } from './entities/application-notice.entity';
import { ApplicationPartEntity } from './entities/application-part.entity';
import { ApplicationEntity } from './entities/application.entity';
import { CreditRecordEntity } from './entities/credit-record.entity';
import { CommitmentsService } from './commitments.service';
import { LookupThrottleGuard } from './lookup-throttle.guard';
import { NoticesService } from './notices.service';
import { StaffApplicationsController } from './staff-applications.controller';
import { StaffApplicationsService } from './staff-applications.service';
import { StaffPartsController } from './staff-parts.controller';
import { StaffPartsService } from './staff-parts.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ApplicationEntity,
      ApplicationMaterialEntity,
      ApplicationEventEntity,
      ApplicationNoticeEntity,
      ApplicationPartEntity,
      CreditRecordEntity,
      FileEntity,
      AuditLogEntity,
    ]),
    BundlesModule,
    CalendarModule,
    CatalogModule,
    CertificatesModule,
    DelegationModule,
    FilesModule,
    NotificationsModule,
    RatingsModule,
    UsersModule,
    OversightModule,
  ],
  controllers: [ApplicationsController, StaffApplicationsController, StaffPartsController],
  providers: [FilingKernel, CommitmentsService, ApplicationsService, StaffApplicationsService, StaffPartsService, NoticesService, ApplicationsJobs, LookupThrottleGuard, ForwardingService],
  exports: [StaffApplicationsService, ApplicationsJobs, ForwardingService],
})
export class ApplicationsModule {}
