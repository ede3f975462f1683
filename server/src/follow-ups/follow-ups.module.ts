import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UserEntity } from '../users/entities/user.entity';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpSampleEntity } from './entities/follow-up-sample.entity';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUpSampleEntity, ApplicationEntity, ServiceEntity, UserEntity, AuditLogEntity])],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
