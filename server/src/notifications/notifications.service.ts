import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { AppConfig, SUBSCRIBE_TEMPLATE_KEYS, SubscribeTemplateKey } from '../config/app-config';
import { WechatMessenger } from '../auth/providers/wechat.client';
import { UserEntity } from '../users/entities/user.entity';
import { MessageEntity } from './entities/message.entity';
import { SubscribeConsentEntity } from './entities/subscribe-consent.entity';
import type { MessageView } from '@gov/shared';
export type { MessageView } from '@gov/shared';

export interface Notice {
  userId: string;
  type: string;
  title: string;
  body: string;
  link?: string | null;
  /** one message per user and key, however many instances send it */
  dedupeKey?: string | null;
  /** also as a WeChat subscribe message, where the user consented: thing1 title, time2 time, thing3 place/note */
  subscribe?: { key: SubscribeTemplateKey; data: { thing1: string; time2?: string; thing3?: string } };
}

/** Most consents one may bank per template (each accepted request allows one message). */
const MAX_CREDITS = 5;

const view = (m: MessageEntity): MessageView => ({
  id: m.id,
  type: m.type,
  title: m.title,
  body: m.body,
  at: m.createdAt.toISOString(),
  read: m.readAt !== null,
  link: m.link,
  superseded: m.supersededAt !== null,
});

/** The in-app message centre: every notice a user receives lands here. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(SubscribeConsentEntity) private readonly consents: Repository<SubscribeConsentEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly config: AppConfig,
    private readonly wechat: WechatMessenger,
    private readonly clock: ClockService,
  ) {}

  /** Store a notice; returns false when a message with the same dedupe key already exists. */
  async send(n: Notice, em?: EntityManager): Promise<boolean> {
    const repo = em ? em.getRepository(MessageEntity) : this.messages;
    try {
      await repo.insert({
        id: newId(),
        userId: n.userId,
        type: n.type,
        title: n.title.slice(0, 100),
        body: n.body,
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
        readAt: null,
        supersededAt: null,
        createdAt: this.clock.now(),
      });
    } catch (e) {
      if (n.dedupeKey && isDuplicateKey(e)) return false;
      throw e;
    }
    if (n.subscribe && !em) await this.pushToWechat(n.userId, n.subscribe, n.link ?? null);
    return true;
  }

  /**
   * Mark the user's earlier messages about one thing (those linking to `link`, e.g. a booking's
   * page) as no longer holding, so that an old 预约成功 does not read as valid after a cancellation.
   * Call it before sending the message that replaces them.
   */
  async supersede(userId: string, link: string, em?: EntityManager): Promise<number> {
    const repo = em ? em.getRepository(MessageEntity) : this.messages;
    const r = await repo.update({ userId, link, supersededAt: IsNull() }, { supersededAt: this.clock.now() });
    return r.affected ?? 0;
  }

  /** Spend one consent credit (a guarded update) and send; a failure here never fails the notice. */
  private async pushToWechat(userId: string, sub: NonNullable<Notice['subscribe']>, link: string | null): Promise<void> {
    const templateId = this.config.wechat.templates[sub.key];
    if (!templateId) return;
    try {
      const user = await this.users.findOne({ where: { id: userId }, select: { id: true, wechatOpenid: true } });
      if (!user?.wechatOpenid) return;
      const spent = await this.consents
        .createQueryBuilder()
        .update()
        .set({ credits: () => 'credits - 1', updatedAt: this.clock.now() })
        .where('user_id = :userId AND template_key = :key AND credits > 0', { userId, key: sub.key })
        .execute();
      if (!spent.affected) return;
      const data: Record<string, string> = { thing1: sub.data.thing1.slice(0, 20) };
      if (sub.data.time2) data.time2 = sub.data.time2;
      if (sub.data.thing3) data.thing3 = sub.data.thing3.slice(0, 20);
      const page = (link ?? '/pages/index/index').replace(/^\//, '');
      const result = await this.wechat.send(user.wechatOpenid, templateId, page, data);
      if (result === 'refused') await this.consents.update({ userId, templateKey: sub.key }, { credits: 0 });
    } catch (e) {
      this.logger.warn(`subscribe message not sent: ${(e as Error).message}`);
    }
  }

  /** The user accepted these subscribe-message templates (wx.requestSubscribeMessage): one credit each. */
  async recordConsents(userId: string, accepted: string[]): Promise<Record<SubscribeTemplateKey, number>> {
    const keys = SUBSCRIBE_TEMPLATE_KEYS.filter((k) => accepted.includes(k));
    const now = this.clock.now();
    for (const key of keys) {
      const found = await this.consents.findOne({ where: { userId, templateKey: key } });
      if (!found) {
        try {
          await this.consents.insert({ userId, templateKey: key, credits: 1, updatedAt: now });
          continue;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
      await this.consents
        .createQueryBuilder()
        .update()
        .set({ credits: () => 'credits + 1', updatedAt: now })
        .where('user_id = :userId AND template_key = :key AND credits < :max', { userId, key, max: MAX_CREDITS })
        .execute();
    }
    return this.consentCredits(userId);
  }

  async consentCredits(userId: string): Promise<Record<SubscribeTemplateKey, number>> {
    const rows = await this.consents.find({ where: { userId, credits: MoreThan(0) } });
    const out = Object.fromEntries(SUBSCRIBE_TEMPLATE_KEYS.map((k) => [k, 0])) as Record<SubscribeTemplateKey, number>;
    for (const r of rows) if ((SUBSCRIBE_TEMPLATE_KEYS as readonly string[]).includes(r.templateKey)) out[r.templateKey as SubscribeTemplateKey] = r.credits;
    return out;
  }

  /** Template ids the mini-app asks consent for (only those configured). */
  templates(): Partial<Record<SubscribeTemplateKey, string>> {
    return Object.fromEntries(Object.entries(this.config.wechat.templates).filter(([, v]) => v)) as Partial<Record<SubscribeTemplateKey, string>>;
  }

  async list(userId: string, unread?: boolean): Promise<MessageView[]> {
    const rows = await this.messages.find({
      where: { userId, ...(unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(view);
  }

  unreadCount(userId: string): Promise<number> {
    return this.messages.count({ where: { userId, readAt: IsNull() } });
  }

  async markAllRead(userId: string): Promise<number> {
    const r = await this.messages.update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return r.affected ?? 0;
  }

  async markRead(userId: string, id: string): Promise<void> {
    const m = await this.messages.findOne({ where: { id, userId } });
    if (!m) throw new DomainError('NOT_FOUND');
    if (!m.readAt) await this.messages.update({ id, readAt: IsNull() }, { readAt: this.clock.now() });
  }
}
