import { SlotPlacesCounter } from './slot-places.counter';
import { LINKS } from '@gov/shared';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, Not } from 'typeorm';
import { Transactions } from '../common/db/transactions';
import { AppConfig } from '../config/app-config';
import { CalendarService } from '../calendar/calendar.service';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { requireVerified } from '../users/users.rules';
import { hasPlace, offerExpiry, slotRefusal } from './admission.rules';
import { AdmissionRequest, AdmissionService } from './admission.service';
import { localTime, slotBookability } from './booking.rules';
import { SlotEntity } from './entities/slot.entity';
import { WaitlistEntryEntity } from './entities/waitlist-entry.entity';
import { slotView } from './slots.service';
import { StandingService } from './standing.service';
import type { WaitlistView } from '@gov/shared';
import { repositories } from '../common/db/repositories';
export type { WaitlistView } from '@gov/shared';

const ACTIVE = ['waiting', 'offered'] as const;

/** The waitlist entry left `waiting` before its offer was written (rolls the offer's transaction back). */
class OfferLost extends Error {}

/**
 * A second chance at a full slot: a bounded line per slot; when a place frees, the first in line is
 * offered it and the place is held (slots.held) until the offer is accepted or lapses, then it
 * passes to the next. Every step is a guarded conditional update, safe on several instances.
 */
@Injectable()
export class WaitlistService {
  private readonly db = repositories(this.ds, {
    entries: WaitlistEntryEntity, slots: SlotEntity, serviceHalls: ServiceHallEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly calendar: CalendarService,
    private readonly standing: StandingService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly acting: ActingService,
    private readonly admission: AdmissionService,
    private readonly tx: Transactions,
    private readonly places: SlotPlacesCounter,
  ) {}

  async join(caller: AuthUser, slotId: string, serviceId?: string): Promise<{ id: string; position: number }> {
    requireVerified(await this.users.requireById(caller.id), '候补');
    await this.standing.assertMayBook(caller.id);
    const slot = await this.db.slots.findOne({ where: { id: slotId } });
    if (!slot) throw new DomainError('NOT_FOUND');
    const service = slot.serviceId ?? serviceId;
    if (!service) throw fieldError('serviceId', '请指定办理事项');
    if (slot.serviceId === null && !(await this.db.serviceHalls.exist({ where: { serviceId: service, hallId: slot.hallId } }))) {
      throw new DomainError('SLOT_NOT_BOOKABLE', '该大厅不办理此事项');
    }
    await this.acting.resolve(caller, null, service); // the waitlist is for the caller: a person
    const view = await this.calendar.view();
    const verdict = slotBookability({ ...slot, fromTemplate: slot.templateId !== null }, this.clock.now(), this.config.bookingHorizonDays, view.isWorkday);
    if (verdict !== 'ok') {
      const r = slotRefusal(verdict);
      throw new DomainError(r.code, r.message);
    }
    if (slot.booked + slot.held < slot.capacity) throw new DomainError('INVALID_STATE', '该时段仍有余量，请直接预约');
    const waiting = await this.db.entries.count({ where: { slotId, status: In([...ACTIVE]) } });
    if (waiting >= this.config.waitlist.maxLength) throw new DomainError('INVALID_STATE', '该时段候补人数已满');
    const e = this.db.entries.create({ id: newId(), slotId, userId: caller.id, serviceId: service, seq: 0, status: 'waiting', activeKey: 1, offerExpiresAt: null, bookingId: null, createdAt: this.clock.now() });
    for (let attempt = 0; ; attempt++) {
      const last = await this.db.entries.createQueryBuilder('w').select('MAX(w.seq)', 'seq').where('w.slot_id = :slotId', { slotId }).getRawOne<{ seq: number | null }>();
      e.seq = Number(last?.seq ?? 0) + 1;
      try {
        await this.db.entries.insert(e);
        break;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        const seqClash = /uq_waitlist_seq|waitlist_entries\.seq/.test(String((err as Error).message));
        if (!seqClash) throw new DomainError('INVALID_STATE', '您已在该时段的候补队列中');
        if (attempt >= 5) throw new DomainError('UNAVAILABLE', '排队人数较多，请稍后再试');
      }
    }
    return { id: e.id, position: await this.position(e) };
  }

  async leave(caller: AuthUser, slotId: string): Promise<void> {
    const e = await this.db.entries.findOne({ where: { slotId, userId: caller.id, status: In([...ACTIVE]) } });
    if (!e) throw new DomainError('NOT_FOUND');
    const r = await this.db.entries.update({ id: e.id, status: e.status }, { status: 'left', activeKey: null });
    if (r.affected && e.status === 'offered') await this.releaseHold(slotId);
  }

  async mine(caller: AuthUser): Promise<WaitlistView[]> {
    const rows = await this.db.entries.find({ where: { userId: caller.id }, order: { createdAt: 'DESC' }, take: 100 });
    const slots = rows.length ? await this.db.slots.find({ where: { id: In(rows.map((r) => r.slotId)) } }) : [];
    const slotOf = new Map(slots.map((s) => [s.id, s]));
    const out: WaitlistView[] = [];
    for (const r of rows) {
      const live = r.status === 'waiting' || r.status === 'offered';
      const s = slotOf.get(r.slotId);
      out.push({
        id: r.id,
        slotId: r.slotId,
        serviceId: r.serviceId,
        status: r.status,
        position: live ? await this.position(r) : 0,
        offer: r.status === 'offered' && r.offerExpiresAt ? { expiresAt: (s ? offerExpiry(r.offerExpiresAt, 0, s.startAt) : r.offerExpiresAt).toISOString() } : null,
        slot: s ? slotView(s) : null,
      });
    }
    return out;
  }

  /**
   * Accept an offer while it holds: through the admission seam like a direct booking (every rule:
   * a started slot, a forfeited person, a booking already that day are refused alike), the held
   * place becoming the booking. Answers the booking's id. INVALID_STATE when the entry is not an
   * offer, or the offer lapsed (at its hold time or the slot's start, whichever is first).
   */
  async accept(caller: AuthUser, entryId: string): Promise<string> {
    const e = await this.db.entries.findOne({ where: { id: entryId, userId: caller.id } });
    if (!e) throw new DomainError('NOT_FOUND');
    if (e.status !== 'offered' || !e.offerExpiresAt) throw new DomainError('INVALID_STATE', '候补名额已失效或尚未轮到您');
    const slot = await this.db.slots.findOneOrFail({ where: { id: e.slotId } });
    const now = this.clock.now();
    const booking = await this.admission.admit({
      ...this.asBooking(e, slot, caller),
      // the offer still holds (its expiry is never past the slot's start): claimed in the booking's transaction
      claim: async (em, b) => {
        const taken = await em
          .createQueryBuilder()
          .update(WaitlistEntryEntity)
          .set({ status: 'booked', activeKey: null, bookingId: b.id })
          .where('id = :id AND status = :offered AND offer_expires_at > :now', { id: e.id, offered: 'offered', now })
          .execute();
        if (!taken.affected) throw new DomainError('INVALID_STATE', '候补名额已失效');
      },
    });
    return booking.id;
  }

  /** A waitlist entry as an admission request: the person in line, for themselves, into the held place. */
  private asBooking(e: WaitlistEntryEntity, slot: SlotEntity, caller?: AuthUser): AdmissionRequest {
    const self = { userId: e.userId, actorId: e.userId, enterpriseId: null, principalKey: `u:${e.userId}` };
    return {
      path: 'waitlist',
      slot,
      serviceId: e.serviceId,
      place: 'held',
      kind: 'regular',
      // the waitlist is for the caller, a person: the audience is checked again, as the catalogue may have changed
      acting: () => (caller ? this.acting.resolve(caller, null, e.serviceId) : this.acting.forRecord(self, e.serviceId)),
    };
  }

  /**
   * Whether the person in line could book the slot now (every admission rule but capacity): people
   * who could not — forfeited meanwhile, booked elsewhere that day, the service no longer theirs —
   * are passed over and stay in line, so that a freed place is not held for nobody.
   */
  private async mayBeOffered(e: WaitlistEntryEntity, slot: SlotEntity): Promise<boolean> {
    const refused = await this.admission.check({ ...this.asBooking(e, slot), place: 'free', slot: { ...slot, held: 0, booked: 0 } });
    return refused === null;
  }

  /**
   * Offer freed places of a slot to the first in line who could book it (call after a place frees).
   * The offer holds the place for `waitlist.holdMinutes`, and never past the slot's start.
   */
  async offerNext(slotId: string): Promise<number> {
    let offered = 0;
    const passedOver = new Set<string>();
    for (let guard = 0; guard < 50; guard++) {
      const now = this.clock.now();
      const slot = await this.db.slots.findOne({ where: { id: slotId } });
      if (!slot || !hasPlace(slot, 'free') || slot.startAt.getTime() <= now.getTime()) break;
      const next = await this.db.entries.findOne({ where: { slotId, status: 'waiting', id: Not(In([...passedOver, ''])) }, order: { seq: 'ASC' } });
      if (!next) break;
      if (!(await this.mayBeOffered(next, slot))) {
        passedOver.add(next.id);
        continue;
      }
      const expiresAt = offerExpiry(now, this.config.waitlist.holdMinutes, slot.startAt);
      const minutes = Math.round((expiresAt.getTime() - now.getTime()) / 60_000);
      // the held place, the offer and its message in one transaction
      const outcome = await this.tx
        .run(async (em) => {
          const hold = await em
            .createQueryBuilder()
            .update(SlotEntity)
            .set({ held: () => 'held + 1' })
            .where('id = :id AND booked + held < capacity AND start_at > :now AND active = :active', { id: slotId, now, active: true })
            .execute();
          if (!hold.affected) return 'full' as const;
          const r = await em.getRepository(WaitlistEntryEntity).update({ id: next.id, status: 'waiting' }, { status: 'offered', offerExpiresAt: expiresAt });
          if (!r.affected) throw new OfferLost(); // someone else moved the entry: the hold rolls back
          await this.notifications.send(
            {
              userId: next.userId,
              type: 'waitlist_offer',
              title: '候补成功，请尽快确认',
              body: `您候补的 ${slot.day} ${localTime(slot.startAt)} 时段有空位了，名额为您保留 ${minutes} 分钟（至 ${localTime(expiresAt)}），逾期将顺延给下一位。`,
              link: LINKS.waitlist(),
              dedupeKey: `waitlist_offer:${next.id}`,
            },
            em,
          );
          return 'offered' as const;
        })
        .catch((e: unknown) => {
          if (e instanceof OfferLost) return 'lost' as const;
          throw e;
        });
      if (outcome === 'full') break;
      if (outcome === 'offered') offered++;
    }
    return offered;
  }

  /** The waitlist-offers job: lapse expired offers (releasing their held place) and offer places on. */
  async sweep(): Promise<{ expired: number; offered: number }> {
    const now = this.clock.now();
    const lapsed = await this.db.entries.find({ where: { status: 'offered', offerExpiresAt: LessThanOrEqual(now) }, take: 500 });
    let expired = 0;
    const touched = new Set<string>();
    for (const e of lapsed) {
      const r = await this.db.entries.update({ id: e.id, status: 'offered' }, { status: 'expired', activeKey: null });
      if (!r.affected) continue;
      expired++;
      touched.add(e.slotId);
      await this.releaseHold(e.slotId, false);
    }
    const waitingSlots = await this.db.entries.createQueryBuilder('w').select('DISTINCT w.slot_id', 'slotId').where('w.status = :s', { s: 'waiting' }).limit(500).getRawMany<{ slotId: string }>();
    for (const w of waitingSlots) touched.add(w.slotId);
    let offered = 0;
    for (const slotId of touched) offered += await this.offerNext(slotId);
    return { expired, offered };
  }

  private async releaseHold(slotId: string, offerOn = true): Promise<void> {
    await this.db.slots.createQueryBuilder().update().set({ held: () => 'held - 1' }).where('id = :id AND held > 0', { id: slotId }).execute();
    this.places.freed(slotId);
    if (offerOn) await this.offerNext(slotId);
  }

  private async position(e: WaitlistEntryEntity): Promise<number> {
    const ahead = await this.db.entries
      .createQueryBuilder('w')
      .where('w.slot_id = :slot AND w.status IN (:...st) AND w.seq < :seq', { slot: e.slotId, st: [...ACTIVE], seq: e.seq })
      .getCount();
    return ahead + 1;
  }
}
