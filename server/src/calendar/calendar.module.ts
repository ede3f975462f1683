import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { AdminCalendarController, CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { CalendarOverrideEntity } from './entities/calendar-override.entity';

/** The official working-day calendar; import this module and inject CalendarService for any working-day rule. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarOverrideEntity, AuditLogEntity])],
  controllers: [CalendarController, AdminCalendarController],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
