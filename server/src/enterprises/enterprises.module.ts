import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallerContextLoader } from '../common/auth/auth.decorators';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../users/entities/user.entity';
import { UsersModule } from '../users/users.module';
import { EnterpriseMemberEntity } from './entities/enterprise-member.entity';
import { EnterpriseEntity } from './entities/enterprise.entity';
import { EnterpriseReviewService } from './enterprise-review.service';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';
import { StaffEnterprisesController } from './staff-enterprises.controller';

@Module({
  imports: [TypeOrmModule.forFeature([EnterpriseEntity, EnterpriseMemberEntity, UserEntity, AuditLogEntity]), UsersModule, NotificationsModule],
  controllers: [EnterprisesController, StaffEnterprisesController],
  providers: [EnterprisesService, EnterpriseReviewService, { provide: CallerContextLoader, useExisting: EnterprisesService }],
  exports: [EnterprisesService, CallerContextLoader],
})
export class EnterprisesModule {}
