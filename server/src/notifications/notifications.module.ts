import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxDeliveryEntity } from '../outbox/outbox-delivery.entity';
import { OutboxSignal } from '../outbox/outbox.signal';
import { MessageEntity } from './entities/message.entity';
import { SubscribeConsentEntity } from './entities/subscribe-consent.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([MessageEntity, SubscribeConsentEntity, OutboxDeliveryEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, OutboxSignal],
  exports: [NotificationsService, OutboxSignal],
})
export class NotificationsModule {}
