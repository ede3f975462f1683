import { insertRows } from '../common/db/bulk';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { Transactions } from '../common/db/transactions';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { AppConfig, SUBSCRIBE_TEMPLATE_KEYS, SubscribeTemplateKey } from '../config/app-config';
import { OutboxDeliveryEntity } from '../outbox/outbox-delivery.entity';
import { OutboxSignal } from '../outbox/outbox.signal';
import { OutboxChannel, SmsTemplateKey, smsTemplateFor } from '../outbox/outbox.rules';
import { MessageEntity } from './entities/message.entity';
import { SubscribeConsentEntity } from './entities/subscribe-consent.entity';
import type { MessageDelivery, MessageView } from '@gov/shared';
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
  /**
   * also as this SMS to the user's phone: a template key (with `{ title }`), or a template with its
   * own parameters (a registered booking's `booking`: code, time, hall, service); by default the one
   * `smsTemplateFor(type)` names (the events a person must not miss); null: no SMS
   */
  sms?: SmsTemplateKey | OutboxPayloads['sms'] | null;
}

/** What a delivery on each outside channel carries (outbox_deliveries.payload). */
export interface OutboxPayloads {
  wechat: { key: SubscribeTemplateKey; page: string; data: Record<string, string> };
  alipay: { page: string; data: Record<string, string> };
  sms: { template: SmsTemplateKey; params: Record<string, string> };
}

/** Most consents one may bank per template (each accepted request allows one message). */
const MAX_CREDITS = 5;

/** The mini-app page a message opens, as WeChat and Alipay want it (no leading slash). */
const pageOf = (link: string | null | undefined): string => (link ?? '/pages/index/index').replace(/^\//, '');

const view = (m: MessageEntity, deliveries: MessageDelivery[] = []): MessageView => ({
  id: m.id,
  type: m.type,
  title: m.title,
  body: m.body,
  at: m.createdAt.toISOString(),
  read: m.readAt !== null,
  link: m.link,
  superseded: m.supersededAt !== null,
  deliveries,
});

/**
 * The in-app message centre: every notice a user receives lands here, and its deliveries on the
 * outside channels (WeChat, Alipay, SMS) go into the outbox in the same transaction; the outbox
 * worker sends them (nothing here waits for an outside service).
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
    @InjectRepository(SubscribeConsentEntity) private readonly consents: Repository<SubscribeConsentEntity>,
    @InjectRepository(OutboxDeliveryEntity) private readonly outbox: Repository<OutboxDeliveryEntity>,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly signal: OutboxSignal,
    private readonly tx: Transactions,
  ) {}

  /**
   * Store a notice (through `em`: in the caller's transaction) with its outbox deliveries; returns
   * false when a message with the same dedupe key already exists (then nothing is written).
   */
  async send(n: Notice, em?: EntityManager): Promise<boolean> {
    // on its own, the message and its deliveries are one transaction (retried on a deadlock with the worker's claim)
    if (!em) return this.tx.run((own) => this.send(n, own));
    try {
      await this.write([n], em);
    } catch (e) {
      if (n.dedupeKey && isDuplicateKey(e)) return false;
      throw e;
    }
    return true;
  }

  /**
   * Store several notices in the caller's transaction `em` in two statements (the messages, then
   * their outbox deliveries): the messages of bookings written together (BookingBatches). Notices with
   * a dedupe key go through `send`, which can tell a duplicate apart; here one is an error.
   */
  async sendMany(notices: Notice[], em: EntityManager): Promise<void> {
    if (notices.some((n) => n.dedupeKey)) throw new Error('sendMany: a notice with a dedupe key goes through send()');
    if (notices.length) await this.write(notices, em);
  }

  /** The messages and their outbox deliveries, one statement each (every column given: nothing read back). */
  private async write(notices: Notice[], em: EntityManager): Promise<void> {
    const now = this.clock.now();
    const messages = notices.map((n) => ({
      id: newId(),
      userId: n.userId,
      type: n.type,
      title: n.title.slice(0, 100),
      body: n.body,
      link: n.link ?? null,
      dedupeKey: n.dedupeKey ?? null,
      readAt: null,
      supersededAt: null,
      createdAt: now,
    }));
    await insertRows(em, MessageEntity, messages);
    const due = new Date();
    const deliveries = notices.flatMap((n, i) =>
      this.deliveriesOf(n).map(([channel, payload]) => ({
        id: newId(),
        messageId: messages[i].id,
        userId: n.userId,
        channel,
        event: n.type.slice(0, 32),
        payload: JSON.stringify(payload),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: due,
        leaseOwner: null,
        leaseUntil: null,
        lastError: null,
        createdAt: now,
        doneAt: null,
      })),
    );
    if (!deliveries.length) return;
    await insertRows(em, OutboxDeliveryEntity, deliveries);
    this.signal.written(em);
  }

  /** The outside channels a notice goes by, with what each carries (whether the user can get it is known at delivery). */
  private deliveriesOf(n: Notice): Array<[OutboxChannel, OutboxPayloads[OutboxChannel]]> {
    const out: Array<[OutboxChannel, OutboxPayloads[OutboxChannel]]> = [];
    const page = pageOf(n.link);
    if (n.subscribe && this.config.wechat.templates[n.subscribe.key]) {
      const data: Record<string, string> = { thing1: n.subscribe.data.thing1.slice(0, 20) };
      if (n.subscribe.data.time2) data.time2 = n.subscribe.data.time2;
      if (n.subscribe.data.thing3) data.thing3 = n.subscribe.data.thing3.slice(0, 20);
      out.push(['wechat', { key: n.subscribe.key, page, data } satisfies OutboxPayloads['wechat']]);
    }
    if (this.config.alipay.messageTemplate) {
      out.push(['alipay', { page, data: { keyword1: n.title.slice(0, 20), keyword2: n.body.slice(0, 60) } } satisfies OutboxPayloads['alipay']]);
    }
    const sms = n.sms === undefined ? smsTemplateFor(n.type) : n.sms;
    if (sms) out.push(['sms', typeof sms === 'string' ? ({ template: sms, params: { title: n.title } } satisfies OutboxPayloads['sms']) : sms]);
    return out;
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

  /** Whether the user has a consent credit left for this template (one subscribe message each). */
  async hasConsent(userId: string, key: SubscribeTemplateKey): Promise<boolean> {
    return (await this.consents.count({ where: { userId, templateKey: key, credits: MoreThan(0) } })) > 0;
  }

  /** WeChat accepted a message: spend one credit (a guarded update, never below zero). */
  async spendConsent(userId: string, key: SubscribeTemplateKey): Promise<void> {
    await this.consents
      .createQueryBuilder()
      .update()
      .set({ credits: () => 'credits - 1', updatedAt: this.clock.now() })
      .where('user_id = :userId AND template_key = :key AND credits > 0', { userId, key })
      .execute();
  }

  /** WeChat says the user no longer consents (errcode 43101): the banked credits are void. */
  async voidConsent(userId: string, key: SubscribeTemplateKey): Promise<void> {
    await this.consents.update({ userId, templateKey: key }, { credits: 0, updatedAt: this.clock.now() });
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
    const byMessage = await this.deliveryStates(userId, rows.map((m) => m.id));
    return rows.map((m) => view(m, byMessage.get(m.id)));
  }

  /**
   * The outside deliveries (WeChat, Alipay, SMS) of a page of the user's messages, by message id, in
   * one query; only the user's own rows (a message id of someone else never yields anything).
   */
  private async deliveryStates(userId: string, messageIds: string[]): Promise<Map<string, MessageDelivery[]>> {
    const out = new Map<string, MessageDelivery[]>();
    if (messageIds.length === 0) return out;
    const rows = await this.outbox.find({
      select: { messageId: true, channel: true, status: true },
      where: { userId, messageId: In(messageIds) },
      order: { channel: 'ASC' },
    });
    for (const d of rows) {
      const list = out.get(d.messageId) ?? [];
      list.push({ channel: d.channel, state: d.status });
      out.set(d.messageId, list);
    }
    return out;
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
