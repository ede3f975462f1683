import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { repositories } from '../common/db/repositories';
import { DataSource, In } from 'typeorm';
import { maskName, maskPhone } from '@gov/shared';
import type { HallQueueView, StaffTicketView, TicketLane, TicketView, WindowRef } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { UserEntity } from '../users/entities/user.entity';
import { QueueTicketEntity } from './entities/queue-ticket.entity';
import { QueueWindowEntity } from './entities/queue-window.entity';
import { aheadOf, averageServiceMinutes, callOrder, canRequeue, estimatedWaitMinutes, openWindowCount } from './queue.rules';

/**
 * One hall's queue on one Shanghai day as read at one moment: every ticket of the day, the windows,
 * the call order's `ahead` per waiting ticket, the recent average service time and the open windows.
 * Each ticket's view is derived from it in memory, so one read serves every stream of the hall.
 */
export interface HallSnapshot {
  hallId: string;
  hallName: string;
  day: string;
  at: Date;
  tickets: QueueTicketEntity[];
  byId: Map<string, QueueTicketEntity>;
  windows: Map<string, QueueWindowEntity>;
  serviceNames: Map<string, string>;
  ahead: Map<string, number>;
  averageMinutes: number;
  openWindows: number;
}

/** Builds the queue's views (API.md, The hall's queue): tickets for their holders and for staff, and the public hall screen. */
@Injectable()
export class QueueViewsService {
  private readonly db = repositories(this.ds, { tickets: QueueTicketEntity, windows: QueueWindowEntity, services: ServiceEntity, halls: HallEntity, users: UserEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
    private readonly crypto: CryptoService,
  ) {}

  /** The hall's queue of `day` now: three reads (tickets, windows, services); the hall's name from a fourth. */
  async snapshot(hallId: string, day: string): Promise<HallSnapshot> {
    const at = this.clock.now();
    const [tickets, windows, hall] = await Promise.all([
      this.db.tickets.find({ where: { hallId, day } }),
      this.db.windows.find({ where: { hallId } }),
      this.db.halls.findOne({ where: { id: hallId }, select: { id: true, name: true } }),
    ]);
    const serviceIds = [...new Set(tickets.map((t) => t.serviceId))];
    const services = serviceIds.length ? await this.db.services.find({ where: { id: In(serviceIds) }, select: { id: true, name: true } }) : [];
    const finished = tickets
      .filter((t) => t.status === 'done' && t.finishedAt)
      .map((t) => ({ startedAt: t.servingAt ?? t.calledAt ?? t.takenAt, finishedAt: t.finishedAt as Date }));
    return {
      hallId,
      hallName: hall?.name ?? '',
      day,
      at,
      tickets,
      byId: new Map(tickets.map((t) => [t.id, t])),
      windows: new Map(windows.map((w) => [w.id, w])),
      serviceNames: new Map(services.map((s) => [s.id, s.name])),
      ahead: aheadOf(tickets, at),
      averageMinutes: averageServiceMinutes(finished),
      openWindows: openWindowCount(tickets, windows.length, at),
    };
  }

  private windowRef(s: HallSnapshot, windowId: string | null): WindowRef | null {
    if (!windowId) return null;
    const w = s.windows.get(windowId);
    return { id: windowId, name: w?.name ?? '' };
  }

  /** A ticket as its holder sees it, `ahead` and the estimate from the snapshot (0 unless waiting). */
  ticketView(s: HallSnapshot, t: QueueTicketEntity): TicketView {
    const ahead = t.status === 'waiting' ? (s.ahead.get(t.id) ?? 0) : 0;
    return {
      id: t.id,
      number: t.number,
      hallId: t.hallId,
      hallName: s.hallName,
      serviceId: t.serviceId,
      serviceName: s.serviceNames.get(t.serviceId),
      lane: t.lane,
      status: t.status,
      ahead,
      estimatedWaitMinutes: t.status === 'waiting' ? estimatedWaitMinutes(ahead, s.averageMinutes, s.openWindows) : 0,
      window: this.windowRef(s, t.windowId),
      takenAt: t.takenAt.toISOString(),
      calledAt: t.calledAt ? t.calledAt.toISOString() : null,
      finishedAt: t.finishedAt ? t.finishedAt.toISOString() : null,
      bookingId: t.bookingId,
      greenRequested: t.greenRequested,
      greenConfirmed: t.greenConfirmed,
      canRequeue: canRequeue(t),
    };
  }

  /** Tickets as window staff see them: holder's name and phone masked. */
  async staffViews(s: HallSnapshot, rows: QueueTicketEntity[]): Promise<StaffTicketView[]> {
    const userIds = [...new Set(rows.map((t) => t.userId).filter((x): x is string => !!x))];
    const users = userIds.length ? await this.db.users.find({ where: { id: In(userIds) }, select: { id: true, realName: true, displayName: true, phoneEnc: true } }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const phoneOf = (enc: string | null): string | null => (enc ? maskPhone(this.crypto.decrypt(enc)) : null);
    return rows.map((t) => {
      const u = t.userId ? byId.get(t.userId) : undefined;
      return {
        ...this.ticketView(s, t),
        holderName: u ? maskName(u.realName ?? u.displayName) : null,
        phone: phoneOf(t.phoneEnc) ?? (u ? phoneOf(u.phoneEnc) : null),
        greenReason: t.greenReason,
        callCount: t.callCount,
      };
    });
  }

  /** The hall's public screen: numbers being called (latest first), waiting per lane, average service time. No personal data. */
  hallView(s: HallSnapshot): HallQueueView {
    const waiting: Record<TicketLane, number> = { appointment: 0, green: 0, normal: 0 };
    for (const t of callOrder(s.tickets, s.at)) waiting[t.lane === 'green' && !t.greenConfirmed ? 'normal' : t.lane]++;
    const calling = s.tickets
      .filter((t) => (t.status === 'called' || t.status === 'serving') && t.calledAt)
      .sort((a, b) => (b.calledAt as Date).getTime() - (a.calledAt as Date).getTime())
      .map((t) => ({ number: t.number, window: this.windowRef(s, t.windowId)?.name ?? '', calledAt: (t.calledAt as Date).toISOString() }));
    return { hallId: s.hallId, hallName: s.hallName, calling, waiting, averageServiceMinutes: s.averageMinutes };
  }
}
