import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import * as QRCode from 'qrcode';
import { Brackets, In, Repository } from 'typeorm';
import { BookingStatus, OnBehalfOf } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../database/transactions';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { Bookability, bookingLink, canCancel, checkInCode, localTime, slotBookability } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { newBookingRow } from './booking.factory';
import { slotView } from './slots.service';
import { StandingService } from './standing.service';
import { WaitlistService } from './waitlist.service';
import type { BookingView } from '@gov/shared';
export type { BookingView } from '@gov/shared';

const NOT_BOOKABLE: Record<Exclude<Bookability, 'ok'>, string> = {
  past: '该时段已开始或已过去，不能预约',
  beyond_horizon: '该时段尚未开放预约',
  closed: '该时段不开放预约（非工作日或已关闭）',
};

const isActiveKeyClash = (e: unknown) => isDuplicateKey(e) && !/uq_bookings_code|bookings\.code/.test(String((e as Error).message));

/** Booking, cancelling and reading bookings. Capacity and the one-booking rule are held by the database. */
@Injectable()
export class BookingService {
  constructor(
    @InjectRepository(BookingEntity) private readonly bookings: Repository<BookingEntity>,
    @InjectRepository(SlotEntity) private readonly slots: Repository<SlotEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(HallEntity) private readonly halls: Repository<HallEntity>,
    @InjectRepository(ServiceHallEntity) private readonly serviceHalls: Repository<ServiceHallEntity>,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly standing: StandingService,
    private readonly acting: ActingService,
    private readonly users: UsersService,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly waitlist: WaitlistService,
  ) {}

  async book(caller: AuthUser, input: { slotId: string; serviceId: string; onBehalfOf?: OnBehalfOf }): Promise<BookingView> {
    // When slots open almost every request is for a full slot: refuse those first, from one plain
    // read, before any other check and without queueing on the slot's row lock.
    const slot = await this.slots.findOne({ where: { id: input.slotId } });
    if (!slot) throw new DomainError('NOT_FOUND', '预约时段不存在');
    if (slot.booked + slot.held >= slot.capacity) throw new DomainError('SLOT_FULL');

    // the independent look-ups at once; the checks below still run in the same order
    const [actor, who, service, view, offered] = await Promise.all([
      this.users.requireById(caller.id),
      this.acting.resolve(caller, input.onBehalfOf, input.serviceId),
      this.services.findOne({ where: { id: input.serviceId, active: true } }),
      this.calendar.view(),
      // a hall-wide slot serves every service of its hall, and only those
      slot.serviceId === null ? this.serviceHalls.exist({ where: { serviceId: input.serviceId, hallId: slot.hallId } }) : true,
    ]);
    if (!actor.verifiedAt) throw new DomainError('REAL_NAME_REQUIRED', '预约前请先完成实名认证');
    await this.standing.assertMayBook(who.userId);

    if (slot.serviceId !== null && slot.serviceId !== input.serviceId) throw new DomainError('SLOT_NOT_BOOKABLE', '该时段不办理此事项');
    if (!service) throw new DomainError('NOT_FOUND', '事项不存在');
    if (!offered) throw new DomainError('SLOT_NOT_BOOKABLE', '该大厅不办理此事项');
    const now = this.clock.now();
    const verdict = slotBookability({ ...slot, fromTemplate: slot.templateId !== null }, now, this.config.bookingHorizonDays, view.isWorkday);
    if (verdict !== 'ok') throw new DomainError('SLOT_NOT_BOOKABLE', NOT_BOOKABLE[verdict]);

    const booking = newBookingRow(who, slot, input.serviceId, 'regular', now);
    await this.insertHoldingCapacity(booking);

    const hall = await this.halls.findOne({ where: { id: slot.hallId } });
    await this.notifications.send({
      userId: who.userId,
      type: 'booking_created',
      title: '预约成功',
      body: `您已预约 ${shanghaiDate(slot.startAt)} ${localTime(slot.startAt)}-${localTime(slot.endAt)} 在${hall?.name ?? '大厅'}办理“${service.name}”。请凭预约码 ${booking.code} 按时到窗口签到，不能前往请提前取消。`,
      link: bookingLink(booking.id),
    });
    return this.view(booking, service, hall);
  }

  /**
   * The booking row under its unique key first (one active booking per principal, service and day),
   * then the guarded capacity update (`booked < capacity`), then commit at once: the slot's row lock
   * is held only for that one statement. Deadlocks and lock waits are retried by `Transactions`.
   */
  private async insertHoldingCapacity(booking: BookingEntity): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.tx.run(async (em) => {
          await em.getRepository(BookingEntity).insert(booking);
          const r = await em
            .createQueryBuilder()
            .update(SlotEntity)
            .set({ booked: () => 'booked + 1' })
            .where('id = :id AND booked + held < capacity AND active = :active', { id: booking.slotId, active: true })
            .execute();
          if (!r.affected) throw new DomainError('SLOT_FULL');
        });
        return;
      } catch (e) {
        if (isActiveKeyClash(e)) throw new DomainError('DUPLICATE_BOOKING', '您当天已预约过该事项，如需改约请先取消原预约');
        if (isDuplicateKey(e) && attempt < 2) {
          booking.code = checkInCode(randomBytes(8)); // a check-in code collision: draw again
          continue;
        }
        throw e;
      }
    }
  }

  async cancel(caller: AuthUser, id: string): Promise<BookingView> {
    const b = this.access.ownedBy(caller, await this.bookings.findOne({ where: { id } }));
    const now = this.clock.now();
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '该预约已不能取消');
    if (!canCancel(b.startAt, now)) throw new DomainError('CANCEL_TOO_LATE');
    const done = await this.tx.run(async (em) => {
      const r = await em
        .createQueryBuilder()
        .update(BookingEntity)
        .set({ status: 'cancelled', activeKey: null, cancelledAt: now })
        .where('id = :id AND status = :booked AND start_at > :now', { id, booked: 'booked', now })
        .execute();
      if (!r.affected) return false;
      await em
        .createQueryBuilder()
        .update(SlotEntity)
        .set({ booked: () => 'booked - 1' })
        .where('id = :id AND booked > 0', { id: b.slotId })
        .execute();
      return true;
    });
    if (!done) {
      const again = await this.bookings.findOneOrFail({ where: { id } });
      throw again.status === 'booked' ? new DomainError('CANCEL_TOO_LATE') : new DomainError('INVALID_STATE', '该预约已不能取消');
    }
    await this.waitlist.offerNext(b.slotId); // the freed place goes to the first in line, if any
    const view = await this.get(caller, id);
    await this.tellCancelled(b, view);
    return view;
  }

  /** 预约已取消 to the person it was for; the earlier 预约成功 and reminders no longer hold. */
  private async tellCancelled(b: BookingEntity, v: BookingView): Promise<void> {
    const link = bookingLink(b.id);
    await this.notifications.supersede(b.userId, link);
    await this.notifications.send({
      userId: b.userId,
      type: 'booking_cancelled',
      title: '预约已取消',
      body: `您 ${shanghaiDate(b.startAt)} ${localTime(b.startAt)}-${localTime(b.endAt)} 在${v.hallName || '大厅'}办理“${v.serviceName}”的预约已取消，原预约码 ${b.code} 作废。如仍需办理，请重新预约。`,
      link,
    });
  }

  /** The caller's bookings and those made for them; with `enterpriseId`, the company's (members only). */
  async list(caller: AuthUser, status?: BookingStatus, enterpriseId?: string): Promise<BookingView[]> {
    const qb = this.bookings.createQueryBuilder('b').orderBy('b.start_at', 'DESC').take(200);
    if (enterpriseId) {
      if (!(caller.enterpriseIds ?? []).includes(enterpriseId)) return [];
      qb.where('b.enterprise_id = :e', { e: enterpriseId });
    } else {
      qb.where(new Brackets((w) => w.where('b.user_id = :me', { me: caller.id }).orWhere('b.actor_id = :me', { me: caller.id })));
    }
    if (status) qb.andWhere('b.status = :status', { status });
    return this.views(await qb.getMany());
  }

  async get(caller: AuthUser, id: string): Promise<BookingView> {
    const b = this.access.visible(caller, await this.bookings.findOne({ where: { id } }));
    const [v] = await this.views([b]);
    if (b.status !== 'booked') return v; // a cancelled or finished booking's code lets nobody in
    return { ...v, qrImage: await QRCode.toDataURL(b.code, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) };
  }

  /** Views for many bookings with their slots, services and halls, in three queries. */
  async views(rows: BookingEntity[]): Promise<BookingView[]> {
    if (rows.length === 0) return [];
    const ids = <K extends keyof BookingEntity>(k: K) => [...new Set(rows.map((r) => r[k] as string))];
    const [slots, services, halls] = await Promise.all([
      this.slots.find({ where: { id: In(ids('slotId')) } }),
      this.services.find({ where: { id: In(ids('serviceId')) }, select: { id: true, name: true } }),
      this.halls.find({ where: { id: In(ids('hallId')) } }),
    ]);
    const bySlot = new Map(slots.map((s) => [s.id, s]));
    const byService = new Map(services.map((s) => [s.id, s]));
    const byHall = new Map(halls.map((h) => [h.id, h]));
    return rows.map((b) => this.view(b, byService.get(b.serviceId) ?? null, byHall.get(b.hallId) ?? null, bySlot.get(b.slotId)));
  }

  private view(b: BookingEntity, service: Pick<ServiceEntity, 'name'> | null, hall: HallEntity | null, slot?: SlotEntity): BookingView {
    const s = slot ?? ({ id: b.slotId, hallId: b.hallId, serviceId: b.serviceId, startAt: b.startAt, endAt: b.endAt, capacity: 0, booked: 0, held: 0 } as SlotEntity);
    return {
      id: b.id,
      status: b.status,
      code: b.code,
      slot: slotView(s),
      serviceId: b.serviceId,
      hallId: b.hallId,
      kind: b.kind,
      serviceName: service?.name ?? '',
      hallName: hall?.name ?? '',
      hallAddress: hall?.address ?? '',
      hall: { id: b.hallId, name: hall?.name ?? '', address: hall?.address ?? '', latitude: hall?.latitude ?? null, longitude: hall?.longitude ?? null },
      start: b.startAt.toISOString(),
      end: b.endAt.toISOString(),
      createdAt: b.createdAt.toISOString(),
      onBehalf: b.actorId !== b.userId,
      cancelledAt: b.cancelledAt?.toISOString() ?? null,
    };
  }
}
