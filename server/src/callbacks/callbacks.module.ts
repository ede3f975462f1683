import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CallbacksController } from './callbacks.controller';
import { CallbacksService } from './callbacks.service';
import { CallbackSampleEntity } from './entities/callback-sample.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CallbackSampleEntity, ApplicationEntity, ServiceEntity, UserEntity, AuditLogEntity])],
  controllers: [CallbacksController],
  providers: [CallbacksService],
  exports: [CallbacksService],
})
export class CallbacksModule {}
