import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { CatalogModule } from '../catalog/catalog.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UsersModule } from '../users/users.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpSampleEntity } from './entities/follow-up-sample.entity';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUpSampleEntity, ApplicationEntity, AuditLogEntity]), CatalogModule, UsersModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
