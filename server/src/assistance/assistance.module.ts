import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DelegationModule } from '../delegation/delegation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AssistanceController } from './assistance.controller';
import { AssistanceService } from './assistance.service';

@Module({
  imports: [CalendarModule, DelegationModule, NotificationsModule, UsersModule],
  controllers: [AssistanceController],
  providers: [AssistanceService],
})
export class AssistanceModule {}
