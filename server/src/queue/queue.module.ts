import { DelegationModule } from '../delegation/delegation.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingEntity } from '../booking/entities/booking.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { HallPolicyModule } from '../catalog/hall-policy.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../users/entities/user.entity';
import { QUEUE_ENTITIES } from './entities';
import { AdminWindowsController, QueueController, StaffQueueController } from './queue.controller';
import { QueueStreamsService } from './queue-streams.service';
import { QueueViewsService } from './queue-views.service';
import { QueueJobs } from './queue.jobs';
import { QueueService } from './queue.service';
import { WindowsService } from './windows.service';

/** The hall's queue (issue 15): tickets, windows and calling, the hall code, live streams, 延时服务登记. */
@Module({
  imports: [TypeOrmModule.forFeature([...QUEUE_ENTITIES, BookingEntity, HallEntity, ServiceEntity, ServiceHallEntity, UserEntity]), HallPolicyModule, NotificationsModule, DelegationModule],
  controllers: [QueueController, StaffQueueController, AdminWindowsController],
  providers: [QueueService, QueueViewsService, QueueStreamsService, WindowsService, QueueJobs],
  exports: [QueueService, WindowsService, QueueJobs],
})
export class QueueModule {}
