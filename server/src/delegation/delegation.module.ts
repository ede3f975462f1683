import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '../catalog/catalog.module';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ActingService } from './acting.service';
import { DelegationController } from './delegation.controller';
import { DelegationService } from './delegation.service';
import { AuthorizationEntity } from './entities/authorization.entity';

@Module({
  imports: [TypeOrmModule.forFeature([AuthorizationEntity, AuditLogEntity]), CatalogModule, EnterprisesModule, UsersModule, NotificationsModule],
  controllers: [DelegationController],
  providers: [ActingService, DelegationService],
  exports: [ActingService, DelegationService],
})
export class DelegationModule {}
