import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as QRCode from 'qrcode';
import { DataSource, EntityManager, In } from 'typeorm';
import { BookingStatus, OnBehalfOf } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CatalogRowsCache } from '../catalog/catalog-rows.cache';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { AuditService } from '../common/audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../common/db/transactions';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { hasPlace } from './admission.rules';
import { AdmissionService } from './admission.service';
import { bookingLink, canCancel, localTime } from './booking.rules';
import { CentreCancellationService } from './centre-cancel.service';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { SlotPlacesCounter } from './slot-places.counter';
import { slotView } from './slots.service';
import { WaitlistService } from './waitlist.service';
import type { BookingView } from '@gov/shared';
import { repositories } from '../common/db/repositories';
import { KeyedBatcher, succeeded } from '../common/concurrency/batching.rules';
import { PlacesInFlight, roomBeside } from './booking-batch.rules';
export type { BookingView } from '@gov/shared';

/** Booking, cancelling and reading bookings. Capacity and the one-booking rule are held by the database. */
/** Most requests that share one read of a slot. */
const SHARED_READ_MAX = 10_000;

@Injectable()
export class BookingService {
  private readonly db = repositories(this.ds, {
    bookings: BookingEntity, slots: SlotEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly acting: ActingService,
    private readonly admission: AdmissionService,
    private readonly access: AccessPolicy,
    private readonly notifications: NotificationsService,
    private readonly waitlist: WaitlistService,
    private readonly centre: CentreCancellationService,
    private readonly audit: AuditService,
    private readonly catalog: CatalogRowsCache,
    private readonly places: SlotPlacesCounter,
  ) {}

  /**
   * The slot as read for a booking's first check: the requests for a slot that arrive while it is
   * being read share the next read (one query however many tap at once when it opens); each gets its
   * own copy. The database's guard decides the place; this read only refuses a full slot early.
   */
  /** the places of each slot this instance is taking (booking-batch.rules.ts `roomBeside`) */
  private readonly inFlight = new PlacesInFlight();

  private readonly slotReads = new KeyedBatcher<null, SlotEntity | null>(async (id, asking) => {
    const slot = await this.db.slots.findOne({ where: { id } });
    return asking.map(() => succeeded(slot && Object.assign(new SlotEntity(), slot)));
  }, SHARED_READ_MAX);

  /**
   * POST /bookings: through the admission seam (every rule, capacity under the database guard), and
   * 预约成功 to the person it is for in the same transaction. Answers the booking as GET /bookings/:id
   * shows it (without the check-in QR image, which the detail page fetches), from the rows just
   * written: the slot with its booked count as the guarded update left it. On a warm cache that is
   * one read (the slot) and, in one transaction, the booking row, the guarded update, the message and
   * its outbox delivery. Errors: admission.rules.ts `admission()`.
   */
  async book(caller: AuthUser, input: { slotId: string; serviceId: string; onBehalfOf?: OnBehalfOf }): Promise<BookingView> {
    // When slots open almost every request is for a full slot: with the Redis counter those are
    // refused from its count alone; only the requests that took a place go on to the database
    // (and a slot this instance saw full a moment ago is refused from memory: SlotPlacesCounter.take)
    const place = await this.places.take(input.slotId);
    if (place === 'full') throw new DomainError('SLOT_FULL');
    try {
      return await this.bookInDatabase(caller, input);
    } catch (e) {
      const full = e instanceof DomainError && e.code === 'SLOT_FULL';
      if (full) this.places.sawFull(input.slotId);
      // the database refused the place the count gave: the count was too high, read it again; else the place goes back
      if (place === 'taken') await (full ? this.places.forget(input.slotId) : this.places.giveBack(input.slotId));
      throw e;
    }
  }

  private async bookInDatabase(caller: AuthUser, input: { slotId: string; serviceId: string; onBehalfOf?: OnBehalfOf }): Promise<BookingView> {
    // refuse a full slot first, from one plain read, before any other check and without queueing on the slot's row lock
    let slot: SlotEntity | null;
    for (;;) {
      slot = await this.slotReads.submit(input.slotId, null);
      if (!slot) throw new DomainError('NOT_FOUND', '预约时段不存在');
      if (!hasPlace(slot, 'free')) throw new DomainError('SLOT_FULL');
      // the places this instance is taking for the slot may fill it: wait for them to settle, then look again
      if (roomBeside(slot, this.inFlight.count(slot.id))) break;
      await this.inFlight.settled(slot.id);
    }
    this.inFlight.add(slot.id);
    try {
      return await this.admitDirect(caller, input, slot);
    } finally {
      this.inFlight.done(slot.id);
    }
  }

  /** Every rule of the admission seam on the slot as read, then the booking written with its message (BookingBatches on MySQL/MariaDB). */
  private async admitDirect(caller: AuthUser, input: { slotId: string; serviceId: string; onBehalfOf?: OnBehalfOf }, slot: SlotEntity): Promise<BookingView> {
    // the service and hall from the catalogue cache; the caller's verified state from the guard's context
    const [service, hall] = await Promise.all([this.catalog.service(input.serviceId), this.catalog.hall(slot.hallId)]);
    let booked: number | null = null;
    const booking = await this.admission.admit({
      path: 'direct',
      slot,
      serviceId: input.serviceId,
      place: 'free',
      kind: 'regular',
      actorVerified: caller.verified,
      acting: () => this.acting.resolve(caller, input.onBehalfOf, input.serviceId),
      took: (count) => {
        booked = count;
        // this booking took the last place: the next request here is refused without asking the database
        if (count !== null && count + slot.held >= slot.capacity) this.places.sawFull(slot.id);
      },
      notice: (b) => ({
        userId: b.userId,
        type: 'booking_created',
        title: '预约成功',
        body: `您已预约 ${shanghaiDate(b.startAt)} ${localTime(b.startAt)}-${localTime(b.endAt)} 在${hall?.name || '大厅'}办理“${service?.name ?? ''}”。请凭预约码 ${b.code} 按时到窗口签到，不能前往请提前取消。`,
        link: bookingLink(b.id),
      }),
    });
    // the slot as the guarded update left it (its booked count came back with the update; SQLite reads it again)
    const after = booked === null ? await this.db.slots.findOneByOrFail({ id: slot.id }) : Object.assign(new SlotEntity(), slot, { booked });
    return this.view(booking, service, hall, after);
  }

  async cancel(caller: AuthUser, id: string): Promise<BookingView> {
    const b = this.access.ownedBy(caller, await this.db.bookings.findOne({ where: { id } }));
    await this.acting.assertMayActFor(caller, b, b.serviceId);
    const now = this.clock.now();
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '该预约已不能取消');
    if (!canCancel(b.startAt, now)) throw new DomainError('CANCEL_TOO_LATE');
    const names = await this.placeNames(b);
    // the cancellation, the freed place and the person's message in one transaction
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
      await this.tellCancelled(em, b, names);
      return true;
    });
    if (!done) {
      const again = await this.db.bookings.findOneOrFail({ where: { id } });
      throw again.status === 'booked' ? new DomainError('CANCEL_TOO_LATE') : new DomainError('INVALID_STATE', '该预约已不能取消');
    }
    await this.waitlist.offerNext(b.slotId); // the freed place goes to the first in line, if any
    await this.places.giveBack(b.slotId); // (a place the waitlist took meanwhile: the database refuses the extra one)
    return this.get(caller, id);
  }

  /**
   * POST /bookings/:id/reschedule: the caller's `booked` booking moves to another slot before its start
   * — the new place taken and the old one freed in one transaction (AdmissionService.move: every rule
   * applied to the new slot) — keeping its id, code and history (audited `booking.reschedule`). The old
   * place goes to its waitlist; the person is told the new time. INVALID_STATE for a booking not
   * `booked`, started, off-hours (arranged with staff), or the same slot; NOT_FOUND for no such slot.
   */
  async reschedule(caller: AuthUser, id: string, slotId: string): Promise<BookingView> {
    const b = this.access.ownedBy(caller, await this.db.bookings.findOne({ where: { id } }));
    await this.acting.assertMayActFor(caller, b, b.serviceId);
    const now = this.clock.now();
    if (b.status !== 'booked') throw new DomainError('INVALID_STATE', '只有待签到的预约可以改约');
    if (!canCancel(b.startAt, now)) throw new DomainError('INVALID_STATE', '预约时间已到，不能改约');
    if (b.kind === 'offhours') throw new DomainError('INVALID_STATE', '错时预约请联系工作人员改约');
    if (slotId === b.slotId) throw new DomainError('INVALID_STATE', '新时段与原时段相同');
    const slot = await this.db.slots.findOne({ where: { id: slotId } });
    if (!slot) throw new DomainError('NOT_FOUND', '预约时段不存在');
    if (!hasPlace(slot, 'free')) throw new DomainError('SLOT_FULL');
    const names = await this.placeNames({ hallId: slot.hallId, serviceId: b.serviceId });
    // 预约已改期 is written in the move's transaction (the outbox): moved and told, or neither
    const tell = (em: EntityManager) =>
      this.notifications.send(
        {
          userId: b.userId,
          type: 'booking_rescheduled',
          title: '预约已改期',
          body: `您在${names.hallName || '大厅'}办理“${names.serviceName}”的预约已由 ${shanghaiDate(b.startAt)} ${localTime(b.startAt)} 改为 ${shanghaiDate(slot.startAt)} ${localTime(slot.startAt)}-${localTime(slot.endAt)}，预约码 ${b.code} 不变。`,
          link: bookingLink(b.id),
        },
        em,
      ).then(() => undefined);
    const moved = await this.admission.move({ path: 'reschedule', slot, serviceId: b.serviceId, acting: () => this.acting.forRecord(b, b.serviceId), then: tell }, b);
    await this.audit.record({ actorId: caller.id, action: 'booking.reschedule', objectType: 'booking', objectId: b.id, data: { fromSlotId: b.slotId, toSlotId: slot.id, from: b.startAt.toISOString(), to: moved.startAt.toISOString() } });
    await this.waitlist.offerNext(b.slotId);
    await Promise.all([this.places.giveBack(b.slotId), this.places.forget(slot.id)]); // the new slot's place was taken without its count
    const view = await this.get(caller, id);
    return view;
  }

  /** The names of a booking's hall and service, for its messages. */
  private async placeNames(b: Pick<BookingEntity, 'hallId' | 'serviceId'>): Promise<{ hallName: string; serviceName: string }> {
    const [hall, service] = await Promise.all([this.catalog.hall(b.hallId), this.catalog.service(b.serviceId)]);
    return { hallName: hall?.name ?? '', serviceName: service?.name ?? '' };
  }

  /** 预约已取消 to the person it was for, in the cancelling transaction `em`; the earlier 预约成功 and reminders no longer hold. */
  private async tellCancelled(em: EntityManager, b: BookingEntity, v: { hallName: string; serviceName: string }): Promise<void> {
    const link = bookingLink(b.id);
    await this.notifications.supersede(b.userId, link, em);
    await this.notifications.send(
      {
        userId: b.userId,
        type: 'booking_cancelled',
        title: '预约已取消',
        body: `您 ${shanghaiDate(b.startAt)} ${localTime(b.startAt)}-${localTime(b.endAt)} 在${v.hallName || '大厅'}办理“${v.serviceName}”的预约已取消，原预约码 ${b.code} 作废。如仍需办理，请重新预约。`,
        link,
      },
      em,
    );
  }

  /** The caller's bookings and those made for them; with `enterpriseId`, the company's (members only). */
  async list(caller: AuthUser, status?: BookingStatus, enterpriseId?: string): Promise<BookingView[]> {
    const qb = this.db.bookings.createQueryBuilder('b').orderBy('b.start_at', 'DESC').take(200);
    if (enterpriseId) {
      if (!this.access.isMember(caller, enterpriseId)) return [];
      qb.where('b.enterprise_id = :e', { e: enterpriseId });
    } else {
      qb.where(this.access.partyScope('b', caller));
    }
    if (status) qb.andWhere('b.status = :status', { status });
    return this.views(await qb.getMany());
  }

  async get(caller: AuthUser, id: string): Promise<BookingView> {
    const b = this.access.visible(caller, await this.db.bookings.findOne({ where: { id } }));
    const [v] = await this.views([b]);
    if (b.status === 'cancelled_by_centre') return { ...v, rebookSlots: await this.centre.nearestFreeSlots(b, this.clock.now()) };
    if (b.status !== 'booked') return v; // a cancelled or finished booking's code lets nobody in
    return { ...v, qrImage: await QRCode.toDataURL(b.code, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) };
  }

  /** Views for many bookings with their slots (one query), services and halls (the catalogue cache). */
  async views(rows: BookingEntity[]): Promise<BookingView[]> {
    if (rows.length === 0) return [];
    const ids = <K extends keyof BookingEntity>(k: K) => [...new Set(rows.map((r) => r[k] as string))];
    const [slots, services, halls] = await Promise.all([
      this.db.slots.find({ where: { id: In(ids('slotId')) } }),
      Promise.all(ids('serviceId').map((id) => this.catalog.service(id))),
      Promise.all(ids('hallId').map((id) => this.catalog.hall(id))),
    ]);
    const bySlot = new Map(slots.map((s) => [s.id, s]));
    const byService = new Map(services.flatMap((s) => (s ? [[s.id, s] as const] : [])));
    const byHall = new Map(halls.flatMap((h) => (h ? [[h.id, h] as const] : [])));
    return rows.map((b) => this.view(b, byService.get(b.serviceId) ?? null, byHall.get(b.hallId) ?? null, bySlot.get(b.slotId)));
  }

  /** One booking's view from its rows; the slot is the stored row (never a stand-in with made-up numbers). */
  private view(b: BookingEntity, service: Pick<ServiceEntity, 'name'> | null, hall: HallEntity | null, s: SlotEntity | undefined): BookingView {
    if (!s) throw new Error(`booking ${b.id}: slot ${b.slotId} not found`); // slots are never deleted
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
      noShow:
        b.status === 'no_show' || b.status === 'no_show_waived'
          ? { counts: b.noShowCounts, contact: b.contactAt && b.contactReached !== null && b.contactOutcome ? { reached: b.contactReached, outcome: b.contactOutcome, at: b.contactAt.toISOString() } : null }
          : null,
      cancelReason: b.status === 'cancelled_by_centre' ? b.cancelReason : null,
    };
  }
}
