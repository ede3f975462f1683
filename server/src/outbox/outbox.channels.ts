import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AlipayClient } from '../auth/providers/alipay.client';
import { SmsProvider, SmsRefused } from '../auth/providers/sms.provider';
import { WechatMessenger } from '../auth/providers/wechat.client';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { NotificationsService, OutboxPayloads } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import type { OutboxDeliveryEntity } from './outbox-delivery.entity';
import { DeliveryOutcome, smsParams } from './outbox.rules';

/** A fault a later attempt may get past (network, 5xx, busy); anything else is a refusal. */
const passing = (e: unknown): boolean => e instanceof DomainError && e.code === 'UNAVAILABLE' && !(e instanceof SmsRefused);
const why = (e: unknown): string => ((e as Error).message ?? String(e)).slice(0, 200);

/**
 * One delivery attempt on one channel: WeChat subscribe message (only with a consent credit, spent
 * when WeChat accepts), Alipay mini-program message, SMS to the user's phone. Never throws: answers
 * what came of it, for the worker to record.
 */
@Injectable()
export class OutboxChannels {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly notifications: NotificationsService,
    private readonly wechat: WechatMessenger,
    private readonly alipay: AlipayClient,
    private readonly sms: SmsProvider,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
  ) {}

  async deliver(d: OutboxDeliveryEntity): Promise<DeliveryOutcome> {
    try {
      switch (d.channel) {
        case 'wechat':
          return await this.toWechat(d.userId, JSON.parse(d.payload) as OutboxPayloads['wechat']);
        case 'alipay':
          return await this.toAlipay(d.userId, JSON.parse(d.payload) as OutboxPayloads['alipay']);
        case 'sms':
          return await this.toSms(d.userId, JSON.parse(d.payload) as OutboxPayloads['sms']);
      }
    } catch (e) {
      return passing(e) ? { result: 'retry', why: why(e) } : { result: 'failed', why: why(e) };
    }
  }

  private async user(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id }, select: { id: true, wechatOpenid: true, alipayUserId: true, phoneEnc: true } });
  }

  private async toWechat(userId: string, p: OutboxPayloads['wechat']): Promise<DeliveryOutcome> {
    const templateId = this.config.wechat.templates[p.key];
    if (!templateId) return { result: 'skipped', why: 'template not configured' };
    const user = await this.user(userId);
    if (!user?.wechatOpenid) return { result: 'skipped', why: 'no WeChat account' };
    if (!(await this.notifications.hasConsent(userId, p.key))) return { result: 'skipped', why: 'no consent' };
    const answer = await this.wechat.send(user.wechatOpenid, templateId, p.page, p.data);
    if (answer === 'refused') {
      await this.notifications.voidConsent(userId, p.key);
      return { result: 'skipped', why: 'user refused (43101)' };
    }
    await this.notifications.spendConsent(userId, p.key);
    return { result: 'sent' };
  }

  private async toAlipay(userId: string, p: OutboxPayloads['alipay']): Promise<DeliveryOutcome> {
    if (!this.config.alipay.messageTemplate) return { result: 'skipped', why: 'template not configured' };
    const user = await this.user(userId);
    if (!user?.alipayUserId) return { result: 'skipped', why: 'no Alipay account' };
    const answer = await this.alipay.sendMessage(user.alipayUserId, p.page, p.data, this.clock.now());
    return answer === 'sent' ? { result: 'sent' } : { result: 'failed', why: 'refused by Alipay' };
  }

  private async toSms(userId: string, p: OutboxPayloads['sms']): Promise<DeliveryOutcome> {
    const user = await this.user(userId);
    if (!user?.phoneEnc) return { result: 'skipped', why: 'no phone number' };
    await this.sms.sendTemplate(this.crypto.decrypt(user.phoneEnc), p.template, smsParams(p.params));
    return { result: 'sent' };
  }
}
