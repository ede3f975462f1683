import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { CatalogModule } from '../catalog/catalog.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { RatingEntity } from './entities/rating.entity';
import { RectificationEntity } from './entities/rectification.entity';
import { RatingInvitationsJob } from './rating-invitations.job';
import { RatingTargets } from './rating-targets';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

@Module({
  imports: [TypeOrmModule.forFeature([RatingEntity, RectificationEntity, AuditLogEntity]), CalendarModule, CatalogModule, NotificationsModule],
  controllers: [RatingsController],
  providers: [RatingsService, RatingTargets, RatingInvitationsJob],
  exports: [RatingsService, RatingTargets, RatingInvitationsJob],
})
export class RatingsModule {}
