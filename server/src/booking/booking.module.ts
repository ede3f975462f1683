import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '../calendar/calendar.module';
import { HallPolicyModule } from '../catalog/hall-policy.module';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { DelegationModule } from '../delegation/delegation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RatingsModule } from '../ratings/ratings.module';
import { UserEntity } from '../users/entities/user.entity';
import { UsersModule } from '../users/users.module';
import { AdminSlotsController } from './admin-slots.controller';
import { BookingBatches } from './booking-batch.service';
import { AdmissionService } from './admission.service';
import { BookingController } from './booking.controller';
import { BookingJobs } from './booking.jobs';
import { BookingService } from './booking.service';
import { BookingEntity } from './entities/booking.entity';
import { SlotTemplateEntity } from './entities/slot-template.entity';
import { SlotEntity } from './entities/slot.entity';
import { StandingEventEntity } from './entities/standing-event.entity';
import { NoShowAppealEntity } from './entities/no-show-appeal.entity';
import { WaitlistEntryEntity } from './entities/waitlist-entry.entity';
import { WaitlistController } from './waitlist.controller';
import { WaitlistService } from './waitlist.service';
import { NoShowRecordController } from './no-show-record.controller';
import { NoShowRecordService } from './no-show-record.service';
import { SlotClosingService } from './slot-closing.service';
import { CentreCancellationService } from './centre-cancel.service';
import { RegisteredBookingService } from './registered-booking.service';
import { CatalogModule } from '../catalog/catalog.module';
import { SlotGenerationJob } from './slot-generation.job';
import { SlotsService } from './slots.service';
import { StaffBookingController } from './staff-booking.controller';
import { StaffBookingService } from './staff-booking.service';
import { SlotPlacesCounter } from './slot-places.counter';
import { StandingService } from './standing.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      BookingEntity,
      SlotEntity,
      SlotTemplateEntity,
      StandingEventEntity,
      NoShowAppealEntity,
      WaitlistEntryEntity,
      ServiceEntity,
      ServiceHallEntity,
      HallEntity,
      UserEntity,
      AuditLogEntity,
    ]),
    CalendarModule,
    HallPolicyModule,
    CatalogModule,
    DelegationModule,
    NotificationsModule,
    RatingsModule,
    UsersModule,
  ],
  controllers: [BookingController, StaffBookingController, AdminSlotsController, NoShowRecordController, WaitlistController],
  providers: [AdmissionService, BookingBatches, BookingService, SlotsService, StandingService, StaffBookingService, BookingJobs, NoShowRecordService, WaitlistService, SlotGenerationJob, SlotClosingService, CentreCancellationService, RegisteredBookingService, SlotPlacesCounter],
  exports: [AdmissionService, BookingService, SlotPlacesCounter, SlotsService, StandingService, StaffBookingService, BookingJobs, WaitlistService, SlotGenerationJob],
})
export class BookingModule {}
