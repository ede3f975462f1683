import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WechatMessenger } from '../auth/providers/wechat.client';
import { UserEntity } from '../users/entities/user.entity';
import { MessageEntity } from './entities/message.entity';
import { SubscribeConsentEntity } from './entities/subscribe-consent.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity, SubscribeConsentEntity, UserEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, WechatMessenger],
  exports: [NotificationsService],
})
export class NotificationsModule {}
