import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { CatalogModule } from '../catalog/catalog.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UsersModule } from '../users/users.module';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsService } from './follow-ups.service';
import { FollowUpSampleEntity } from './entities/follow-up-sample.entity';

@Module({
  imports: [TypeOrmModule.forFeature([FollowUpSampleEntity, AuditLogEntity]), ApplicationsModule, CatalogModule, UsersModule],
  controllers: [FollowUpsController],
  providers: [FollowUpsService],
  exports: [FollowUpsService],
})
export class FollowUpsModule {}
