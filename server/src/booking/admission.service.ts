import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { BookingKind } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogRowsCache } from '../catalog/catalog-rows.cache';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../common/db/transactions';
import type { Acting } from '../delegation/acting.service';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { BookingBatches } from './booking-batch.service';
import { ActiveBooking, admission, AdmissionFacts, duplicateRefusal, AdmissionPath, PlaceSource, Refusal, slotRefusal } from './admission.rules';
import { newBookingRow } from './booking.factory';
import { checkInCode } from './booking.rules';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { StandingService } from './standing.service';
import { repositories } from '../common/db/repositories';

/** What a door into a booking asks of the admission seam. */
export interface AdmissionRequest {
  path: AdmissionPath;
  /** the slot as read (or, with `newSlot`, the off-hours slot made for the request, not yet stored) */
  slot: SlotEntity;
  serviceId: string;
  /** `held`: an accepted waitlist offer turns its held place into the booking */
  place: PlaceSource;
  /** who it is for and who acts, from ActingService (`resolve` for a caller, `forRecord` for a stored request); its refusal is a fact like the others */
  acting: () => Promise<Acting>;
  kind: BookingKind;
  /** the actor's real name counts as verified without a look-up (a registered booking: staff saw the document) */
  verifiedByStaff?: boolean;
  /** the actor is the caller, whose verified state the auth guard already knows (its caller context): no look-up */
  actorVerified?: boolean;
  /** store `slot` in the same transaction (an off-hours confirmation) */
  newSlot?: boolean;
  offhoursRequestId?: string | null;
  /** rescheduling: the booking moved, left out of the one-a-day rule (the claim releases it) */
  movingBookingId?: string | null;
  /**
   * Work in the same transaction before the booking row is written: claim the waitlist entry or the
   * off-hours request, release the booking being moved. Throw a DomainError to refuse; all rolls back.
   */
  claim?: (em: EntityManager, booking: BookingEntity) => Promise<void>;
  /**
   * Work in the same transaction after the booking row went in and before the place is taken (the
   * 预约成功 message and its outbox deliveries, so that a booking is never without its message nor a
   * message without its booking): the slot's row is locked only by the last statement before the commit.
   */
  then?: (em: EntityManager, booking: BookingEntity) => Promise<void>;
  /**
   * The message the booking sends (预约成功), written in its transaction with its outbox deliveries
   * like `then`; unlike `then` it lets a new booking of a free place be written together with the
   * other bookings of its slot that arrive meanwhile (BookingBatches, MySQL/MariaDB).
   */
  notice?: (booking: BookingEntity) => Notice;
  /** told the slot's booked count the guarded update left (null where the database cannot say: SQLite) */
  took?: (booked: number | null) => void;
}

/** A refusal as the error the global filter answers. */
export const asError = (r: Refusal): DomainError => (r instanceof DomainError ? r : new DomainError(r.code, r.message, r.details ?? {}));

const isActiveKeyClash = (e: unknown) => isDuplicateKey(e) && !/uq_bookings_code|bookings\.code/.test(String((e as Error).message));

/**
 * The one admission seam (DESIGN.md, Appointments): every door that creates or moves a booking —
 * POST /bookings, a waitlist offer accepted, an off-hours request confirmed, and (to come) a booking
 * staff register and rescheduling — loads the facts here, judges them with `admission()` of
 * admission.rules.ts, and writes the booking under the database guard for capacity.
 */
@Injectable()
export class AdmissionService {
  private readonly db = repositories(this.ds, {
    bookings: BookingEntity, slots: SlotEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly standing: StandingService,
    private readonly users: UsersService,
    private readonly catalog: CatalogRowsCache,
    private readonly notifications: NotificationsService,
    private readonly batches: BookingBatches,
  ) {}

  /**
   * The facts of a request, read at once where they do not depend on each other. The catalogue's
   * (service, hall offering it), the calendar's and the person's standing come from caches their
   * writes invalidate; with `duplicatesByKey` the one-a-day rule is left to the write's unique key.
   */
  async facts(req: AdmissionRequest, duplicatesByKey = false): Promise<{ facts: AdmissionFacts; who: Acting | null }> {
    const { slot, serviceId } = req;
    const [acted, serviceActive, offeredAtHall, view] = await Promise.all([
      req.acting().then(
        (who) => ({ who, refusal: null }),
        (e: unknown) => {
          if (e instanceof DomainError) return { who: null, refusal: e as Refusal };
          throw e;
        },
      ),
      this.catalog.service(serviceId).then((s) => !!s?.active),
      // a hall-wide slot serves every service of its hall, and only those
      slot.serviceId === null ? this.catalog.offers(serviceId, slot.hallId) : Promise.resolve(true),
      this.calendar.view(),
    ]);
    const who = acted.who;
    const [verified, forfeited, active] = who
      ? await Promise.all([
          req.verifiedByStaff ? true : (req.actorVerified ?? this.users.findById(who.actorId).then((u) => !!u?.verifiedAt && !u.disabled)),
          this.standing.refusal(who.userId),
          duplicatesByKey
            ? ('unique-key' as const)
            : this.db.bookings.find({ where: { principalKey: who.principalKey, day: slot.day, status: 'booked' }, select: { id: true, principalKey: true, serviceId: true, day: true } }),
        ])
      : [false, null, [] as ActiveBooking[]];
    const facts: AdmissionFacts = {
      path: req.path,
      place: req.place,
      now: this.clock.now(),
      horizonDays: this.config.bookingHorizonDays,
      isWorkday: view.isWorkday,
      slot: { ...slot, fromTemplate: slot.templateId !== null },
      serviceId,
      serviceActive,
      offeredAtHall,
      acting: acted.refusal,
      principalKey: who?.principalKey ?? null,
      verified,
      forfeited,
      activeBookings: active,
      movingBookingId: req.movingBookingId ?? null,
    };
    return { facts, who };
  }

  /** The refusal the request would meet now (null: it would be admitted, capacity permitting), without writing. */
  async check(req: AdmissionRequest): Promise<Refusal | null> {
    return admission((await this.facts(req)).facts);
  }

  /**
   * Check every rule, then write in one short transaction: `claim`, the off-hours slot when new, the
   * booking row under its unique key (one active booking per principal, service and day), and the
   * guarded capacity update (`booked + held < capacity`, or `held > 0` for an offer; the slot active
   * and not started), so that capacity holds under any concurrency on any number of instances.
   * Answers the booking row as written. Throws the refusal as a DomainError (API.md, Errors).
   */
  async admit(req: AdmissionRequest): Promise<BookingEntity> {
    // with nothing to claim first, the unique key of the insert refuses a duplicate exactly where the rules would
    const { facts, who } = await this.facts(req, !req.claim && !req.newSlot);
    const refused = admission(facts);
    if (refused) throw asError(refused);
    if (!who) throw new Error('admitted without a principal'); // admission() refuses when acting was refused
    const booking = newBookingRow(who, req.slot, req.serviceId, req.kind, facts.now, req.offhoursRequestId ?? null);
    // a plain new booking of a free place goes with the others for its slot (group commit); the rest on its own
    const together = this.tx.isMysql && !req.claim && !req.newSlot && !req.then && req.place === 'free';
    for (let attempt = 0; ; attempt++) {
      try {
        if (together) req.took?.(await this.batches.book({ booking, notice: req.notice?.(booking) ?? null, now: facts.now }));
        else await this.tx.run((em) => this.write(em, req, booking, facts.now));
        return booking;
      } catch (e) {
        if (isActiveKeyClash(e)) throw asError(duplicateRefusal(req.path, who));
        if (isDuplicateKey(e) && attempt < 2) {
          booking.code = checkInCode(randomBytes(8)); // a check-in code collision: draw again
          continue;
        }
        if (e instanceof DomainError && e.code === 'SLOT_FULL') throw await this.whyNoPlace(req, facts.now, e);
        throw e;
      }
    }
  }

  /**
   * Rescheduling (POST /bookings/:id/reschedule): every rule judged on the new slot as for a new
   * booking (path `reschedule`, the booking being moved left out of the one-a-day rule), then in one
   * transaction: the new place taken under the capacity guard, the booking row moved (guarded on its
   * status and old slot, so it keeps its id, code and history; the unique key keeps one active
   * booking per principal, service and day), and the old place freed. Answers the row as moved.
   * Throws the refusal as a DomainError; INVALID_STATE when the booking changed meanwhile.
   */
  async move(req: Omit<AdmissionRequest, 'place' | 'kind' | 'claim' | 'newSlot' | 'movingBookingId'>, booking: BookingEntity): Promise<BookingEntity> {
    const full: AdmissionRequest = { ...req, place: 'free', kind: booking.kind, movingBookingId: booking.id };
    const { facts } = await this.facts(full);
    const refused = admission(facts);
    if (refused) throw asError(refused);
    const now = facts.now;
    const to = req.slot;
    try {
      await this.tx.run(async (em) => {
        const took = await em
          .createQueryBuilder()
          .update(SlotEntity)
          .set({ booked: () => 'booked + 1' })
          .where('id = :id AND booked + held < capacity AND active = :active AND start_at > :now', { id: to.id, active: true, now })
          .execute();
        if (!took.affected) throw new DomainError('SLOT_FULL');
        const moved = await em
          .createQueryBuilder()
          .update(BookingEntity)
          .set({ slotId: to.id, hallId: to.hallId, day: to.day, startAt: to.startAt, endAt: to.endAt, rescheduledAt: now, rescheduleCount: () => 'reschedule_count + 1' })
          .where('id = :id AND status = :booked AND slot_id = :from AND start_at > :now', { id: booking.id, booked: 'booked', from: booking.slotId, now })
          .execute();
        if (!moved.affected) throw new DomainError('INVALID_STATE', '该预约状态已变化，请刷新');
        await em.createQueryBuilder().update(SlotEntity).set({ booked: () => 'booked - 1' }).where('id = :id AND booked > 0', { id: booking.slotId }).execute();
        // the person's message in the move's own transaction (moved and told, or neither)
        if (req.then) await req.then(em, booking);
      });
    } catch (e) {
      if (isActiveKeyClash(e)) throw asError(duplicateRefusal('reschedule'));
      if (e instanceof DomainError && e.code === 'SLOT_FULL') throw await this.whyNoPlace(full, now, e);
      throw e;
    }
    return this.db.bookings.findOneOrFail({ where: { id: booking.id } });
  }

  private async write(em: EntityManager, req: AdmissionRequest, booking: BookingEntity, now: Date): Promise<void> {
    if (req.claim) await req.claim(em, booking);
    if (req.newSlot) await em.getRepository(SlotEntity).insert({ ...req.slot, booked: 0, held: 0 });
    // every column given: nothing for TypeORM to read back after the insert (updateEntity off)
    await em.createQueryBuilder().insert().into(BookingEntity).values(booking).updateEntity(false).execute();
    if (req.then) await req.then(em, booking);
    if (req.notice) await this.notifications.send(req.notice(booking), em);
    // the capacity guard last: the slot's row (the one every request for the slot wants) stays locked
    // from here to the commit only, not while the rest of the transaction is written
    const guard = req.place === 'held' ? 'held > 0' : 'booked + held < capacity';
    // on MySQL/MariaDB the new count comes back with the update itself: LAST_INSERT_ID(expr) sets the
    // connection's last insert id, which the OK packet carries (no read of the slot afterwards)
    const mysql = this.tx.isMysql;
    const booked = mysql ? 'LAST_INSERT_ID(booked + 1)' : 'booked + 1';
    const update = em
      .createQueryBuilder()
      .update(SlotEntity)
      .set(req.place === 'held' ? { booked: () => booked, held: () => 'held - 1' } : { booked: () => booked })
      .where(`id = :id AND ${guard} AND active = :active AND start_at > :now`, { id: booking.slotId, active: true, now });
    let count: number | null = null;
    if (mysql) {
      // the driver's own answer (TypeORM's UpdateResult drops the insert id)
      const ok = (await em.query(...update.getQueryAndParameters())) as { affectedRows: number; insertId: number };
      if (!ok.affectedRows) throw new DomainError('SLOT_FULL');
      count = Number(ok.insertId);
    } else if (!(await update.execute()).affected) throw new DomainError('SLOT_FULL');
    req.took?.(count);
  }

  /** The guard refused: HALL_CLOSED when the centre closed the slot meanwhile, SLOT_NOT_BOOKABLE when it started, else SLOT_FULL. */
  private async whyNoPlace(req: AdmissionRequest, now: Date, full: DomainError): Promise<DomainError> {
    const slot = await this.db.slots.findOne({ where: { id: req.slot.id } });
    if (!slot) return new DomainError('NOT_FOUND', '预约时段不存在');
    if (!slot.active) return asError(slotRefusal('closed_by_centre'));
    if (slot.startAt.getTime() <= now.getTime()) return new DomainError('SLOT_NOT_BOOKABLE', '该时段已开始或已过去，不能预约');
    return full;
  }
}
