import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Message } from '@gov/shared';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { MessageEntity } from './entities/message.entity';

export interface Notice {
  userId: string;
  type: string;
  title: string;
  body: string;
  link?: string | null;
  /** one message per user and key, however many instances send it */
  dedupeKey?: string | null;
}

const view = (m: MessageEntity): Message => ({
  id: m.id,
  type: m.type,
  title: m.title,
  body: m.body,
  at: m.createdAt.toISOString(),
  read: m.readAt !== null,
  link: m.link,
});

/** The in-app message centre: every notice a user receives lands here. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(MessageEntity) private readonly messages: Repository<MessageEntity>,
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
        createdAt: this.clock.now(),
      });
      return true;
    } catch (e) {
      if (n.dedupeKey && isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async list(userId: string, unread?: boolean): Promise<Message[]> {
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

  async markRead(userId: string, id: string): Promise<void> {
    const m = await this.messages.findOne({ where: { id, userId } });
    if (!m) throw new DomainError('NOT_FOUND');
    if (!m.readAt) await this.messages.update({ id, readAt: IsNull() }, { readAt: this.clock.now() });
  }
}
