import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { DelegationModule } from '../delegation/delegation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OversightModule } from '../oversight/oversight.module';
import { RatingsModule } from '../ratings/ratings.module';
import { UsersModule } from '../users/users.module';
import { AssistanceController } from './assistance.controller';
import { AssistanceService } from './assistance.service';

@Module({
  imports: [CalendarModule, DelegationModule, NotificationsModule, UsersModule, OversightModule, RatingsModule],
  controllers: [AssistanceController],
  providers: [AssistanceService],
  exports: [AssistanceService],
})
export class AssistanceModule {}
