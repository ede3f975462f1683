import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DelegationModule } from '../delegation/delegation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ConsultationsController } from './consultations.controller';
import { ConsultationsService } from './consultations.service';

/** 咨询: questions about a service, answered within one working day (首问负责). */
@Module({
  imports: [CalendarModule, DelegationModule, NotificationsModule, UsersModule],
  controllers: [ConsultationsController],
  providers: [ConsultationsService],
  exports: [ConsultationsService],
})
export class ConsultationsModule {}
