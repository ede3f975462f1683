import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlipayClient } from '../auth/providers/alipay.client';
import { createSmsProvider, SmsProvider } from '../auth/providers/sms.provider';
import { WechatMessenger } from '../auth/providers/wechat.client';
import { AppConfig } from '../config/app-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../users/entities/user.entity';
import { OutboxDeliveryEntity } from './outbox-delivery.entity';
import { OutboxChannels } from './outbox.channels';
import { OutboxCleanup } from './outbox.cleanup';
import { OUTBOX_QUEUE, OutboxQueueProcessor, OutboxQueueProducer, outboxQueuePrefix, redisConnection } from './outbox.queue';
import { OutboxRunner } from './outbox.runner';
import { OutboxWorker } from './outbox.worker';

/**
 * The outbox worker: delivers messages to WeChat, Alipay and SMS. With REDIS_URL through BullMQ
 * (@nestjs/bullmq), else in process on the database; OUTBOX_WORKER=0 keeps an instance from
 * sending (it still writes and wakes). Global, so that the `outbox` job can run a drain and the
 * `outbox-cleanup` job the retention clean-up.
 */
@Module({})
export class OutboxModule {
  static forRoot(config: AppConfig): DynamicModule {
    const redis = !!config.redisUrl;
    const runs = config.outbox.worker;
    return {
      module: OutboxModule,
      global: true,
      imports: [
        TypeOrmModule.forFeature([OutboxDeliveryEntity, UserEntity]),
        NotificationsModule,
        ...(redis
          ? [
              BullModule.forRoot({ connection: redisConnection(config.redisUrl!), prefix: outboxQueuePrefix(config) }),
              BullModule.registerQueue({ name: OUTBOX_QUEUE }),
            ]
          : []),
      ],
      providers: [
        OutboxWorker,
        OutboxCleanup,
        OutboxChannels,
        WechatMessenger,
        AlipayClient,
        { provide: SmsProvider, inject: [AppConfig], useFactory: createSmsProvider },
        ...(redis ? [OutboxQueueProducer, ...(runs ? [OutboxQueueProcessor] : [])] : runs ? [OutboxRunner] : []),
      ],
      exports: [OutboxWorker, OutboxCleanup],
    };
  }
}
