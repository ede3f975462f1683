import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationMaterialEntity } from '../applications/entities/application-material.entity';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { BookingModule } from '../booking/booking.module';
import { BookingEntity } from '../booking/entities/booking.entity';
import { WaitlistEntryEntity } from '../booking/entities/waitlist-entry.entity';
import { CatalogModule } from '../catalog/catalog.module';
import { EnterpriseMemberEntity } from '../enterprises/entities/enterprise-member.entity';
import { FileEntity } from '../files/entities/file.entity';
import { NotificationsModule } from '../notifications/notifications.module';
import { OffhoursRequestEntity } from '../offhours/entities/offhours-request.entity';
import { UserEntity } from '../users/entities/user.entity';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      BookingEntity,
      ApplicationEntity,
      ApplicationMaterialEntity,
      FileEntity,
      OffhoursRequestEntity,
      EnterpriseMemberEntity,
      WaitlistEntryEntity,
    ]),
    BookingModule,
    CatalogModule,
    NotificationsModule,
  ],
  controllers: [AccountController],
  providers: [AccountService],
})
export class AccountModule {}
