import { SlotPlacesCounter } from './slot-places.counter';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan, Not } from 'typeorm';
import { LINKS, Slot } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogEvents, ServiceWithdrawn } from '../catalog/catalog-events';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { slotVerdict } from './admission.rules';
import { centreCancellationNotice } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { slotView } from './slots.service';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';

/** How many free slots a centre-cancelled applicant is offered. */
export const REBOOK_OFFERS = 3;

/**
 * The centre's own failures never land on the applicant (DESIGN.md, Appointments; 新郑 五(三)3: the
 * centre tells the applicant when it cannot keep an appointment). One way for every cause — a slot
 * closed (SlotClosingService), a day closed in the calendar, a service withdrawn at a hall, a staff
 * cancel: each `booked` booking becomes `cancelled_by_centre` under a guarded update (never a no-show:
 * the sweep takes only `booked`; it may be rated), its place is freed, and the applicant gets the
 * reason and the three nearest free slots of the same service at that hall, with a link to rebook.
 */
@Injectable()
export class CentreCancellationService implements OnModuleInit {
  private readonly db = repositories(this.ds, { bookings: BookingEntity, slots: SlotEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarService,
    private readonly catalogEvents: CatalogEvents,
    private readonly places: SlotPlacesCounter,
  ) {}

  onModuleInit(): void {
    this.calendar.onDayClosed((e) => this.dayClosed(e.date, e.name, e.actorId));
    this.catalogEvents.onServiceWithdrawn((e) => this.serviceWithdrawn(e));
  }

  /**
   * Inside the caller's transaction: each of `rows` still `booked` becomes `cancelled_by_centre` with
   * the reason, its slot's place is freed, and its applicant is told (one message per booking,
   * whatever the retries). Answers the ids actually cancelled.
   */
  async cancelIn(em: EntityManager, rows: BookingEntity[], reason: string, now: Date): Promise<string[]> {
    if (rows.length === 0) return [];
    const [serviceName, hallName] = await Promise.all([
      namesById(em.getRepository(ServiceEntity), rows.map((b) => b.serviceId)),
      namesById(em.getRepository(HallEntity), rows.map((b) => b.hallId)),
    ]);
    const done: string[] = [];
    for (const b of rows) {
      const r = await em
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ status: 'cancelled_by_centre', activeKey: null, cancelledAt: now, cancelReason: reason.slice(0, 500) })
        .where('id = :id AND status = :booked', { id: b.id, booked: 'booked' })
        .execute();
      if (!r.affected) continue;
      done.push(b.id);
      await em.createQueryBuilder().update(SlotEntity).set({ booked: () => 'booked - 1' }).where('id = :id AND booked > 0', { id: b.slotId }).execute();
      this.places.freed(b.slotId);
      const offers = await this.nearestFreeSlots(b, now, em);
      const notice = centreCancellationNotice({ ...b, hallName: hallName.get(b.hallId) ?? '', serviceName: serviceName.get(b.serviceId) ?? '', reason, offers: offers.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })) });
      await this.notifications.send({ userId: b.userId, type: 'booking_cancelled_by_centre', ...notice, link: LINKS.book(b.serviceId), dedupeKey: `centre_cancel:${b.id}` }, em);
    }
    return done;
  }

  /**
   * The nearest free slots (at most three) for the booking's service at its hall, after `now`: active,
   * with a place, bookable by the direct door (working day for template slots, within the horizon),
   * not the booking's own slot; none when the service is no longer offered there.
   */
  async nearestFreeSlots(b: Pick<BookingEntity, 'hallId' | 'serviceId' | 'slotId'>, now: Date, em?: EntityManager): Promise<Slot[]> {
    const m = em ?? this.db.slots.manager;
    const [active, offered, view] = await Promise.all([
      m.getRepository(ServiceEntity).exist({ where: { id: b.serviceId, active: true } }),
      m.getRepository(ServiceHallEntity).exist({ where: { serviceId: b.serviceId, hallId: b.hallId } }),
      this.calendar.view(),
    ]);
    if (!active || !offered) return [];
    const candidates = await m.getRepository(SlotEntity).find({
      where: [
        { hallId: b.hallId, serviceId: b.serviceId, active: true, startAt: MoreThan(now), id: Not(b.slotId), kind: 'regular' },
        { hallId: b.hallId, serviceId: IsNull(), active: true, startAt: MoreThan(now), id: Not(b.slotId), kind: 'regular' },
      ],
      order: { startAt: 'ASC' },
      take: 60,
    });
    return candidates
      .filter((s) => s.booked + s.held < s.capacity)
      .filter((s) => slotVerdict({ path: 'direct', now, horizonDays: this.config.bookingHorizonDays, isWorkday: view.isWorkday, slot: { ...s, fromTemplate: s.templateId !== null } }) === 'ok')
      .slice(0, REBOOK_OFFERS)
      .map(slotView);
  }

  /**
   * A day closed in the calendar: the `booked` bookings of that date on slots from templates (the
   * regular opening, which a non-working day does not have) are cancelled by the centre. One-off
   * slots an admin made for that date (off-hours, 预约办 on a weekend) are kept: they are meant for
   * non-working days. Idempotent.
   */
  async dayClosed(date: string, name: string | null, actorId: string | null): Promise<number> {
    const slotIds = (await this.db.slots.find({ where: { day: date, templateId: Not(IsNull()) }, select: { id: true } })).map((s) => s.id);
    if (slotIds.length === 0) return 0;
    const rows = await this.db.bookings.find({ where: { day: date, status: 'booked', slotId: In(slotIds) } });
    const reason = `${date} ${name?.trim() ? name.trim() : '临时闭厅'}，当天不办公`;
    return this.cancelAll(rows, reason, actorId, { action: 'calendar.close_day.cancel', objectType: 'calendar', objectId: null });
  }

  /** A service withdrawn (at some halls, or everywhere): its future `booked` bookings there are cancelled by the centre. Idempotent. */
  async serviceWithdrawn(e: ServiceWithdrawn): Promise<number> {
    const now = this.clock.now();
    const rows = await this.db.bookings.find({
      where: { serviceId: e.serviceId, status: 'booked', startAt: MoreThan(now), ...(e.hallIds ? { hallId: In(e.hallIds) } : {}) },
      take: 5000,
    });
    const reason = e.hallIds ? '该事项已不在本大厅办理' : '该事项已暂停办理';
    return this.cancelAll(rows, reason, e.actorId, { action: 'service.withdraw.cancel', objectType: 'service', objectId: e.serviceId });
  }

  /** Cancel many, a short transaction per hundred, audited once with the count. */
  private async cancelAll(rows: BookingEntity[], reason: string, actorId: string | null, what: { action: string; objectType: string; objectId: string | null }): Promise<number> {
    const now = this.clock.now();
    let n = 0;
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      n += (await this.tx.run((em) => this.cancelIn(em, chunk, reason, now))).length;
    }
    if (n) await this.audit.record({ actorId, action: what.action, objectType: what.objectType, objectId: what.objectId, reason, data: { cancelled: n } });
    return n;
  }
}
