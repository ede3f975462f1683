import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from '../booking/booking.module';
import { CalendarModule } from '../calendar/calendar.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { ServiceMaterialEntity } from '../catalog/entities/service-material.entity';
import { HallPolicyModule } from '../catalog/hall-policy.module';
import { DelegationModule } from '../delegation/delegation.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { OffhoursRequestEntity } from './entities/offhours-request.entity';
import { OffhoursController } from './offhours.controller';
import { OffhoursService } from './offhours.service';

@Module({
  imports: [TypeOrmModule.forFeature([OffhoursRequestEntity, AuditLogEntity, ServiceEntity, HallEntity, ServiceMaterialEntity]), BookingModule, HallPolicyModule, CalendarModule, DelegationModule, NotificationsModule, UsersModule],
  controllers: [OffhoursController],
  providers: [OffhoursService],
  exports: [OffhoursService],
})
export class OffhoursModule {}
