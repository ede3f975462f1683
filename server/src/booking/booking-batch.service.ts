import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { insertRows } from '../common/db/bulk';
import { isDuplicateKey } from '../common/db/db-errors';
import { repositories } from '../common/db/repositories';
import { Transactions } from '../common/db/transactions';
import { DomainError } from '../common/errors/domain-error';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { failed, KeyedBatcher, Outcome, succeeded } from '../common/concurrency/batching.rules';
import { admitted, countsAfter, placesLeft } from './booking-batch.rules';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';

/** One booking for the batch: its row (every column given), the message it sends, and the moment its rules were judged at. */
export interface BatchBooking {
  booking: BookingEntity;
  notice: Notice | null;
  now: Date;
}

/** Rounds of cutting a batch down before its rest is refused (another instance keeps taking the places read). */
const MAX_ROUNDS = 8;

/** The guarded update took fewer places than the batch asked for: roll the batch back and cut it down. */
class ShortOfPlaces extends Error {}

/**
 * Bookings of one slot written together (booking-batch.rules.ts): on MySQL/MariaDB, the admission
 * seam hands a new booking of a free place (no claim, no new slot) here once every rule has let it
 * in. The requests for a slot that arrive while a write for it is under way are written in one
 * transaction of four statements whatever their number (up to BOOKING_BATCH_MAX): the booking rows
 * under their unique keys, the messages, their outbox deliveries, and the guarded capacity update,
 * last, so that the slot's row is locked from there to the commit only.
 */
@Injectable()
export class BookingBatches {
  private readonly db = repositories(this.ds, { slots: SlotEntity });
  private readonly batcher: KeyedBatcher<BatchBooking, number>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    config: AppConfig,
    private readonly tx: Transactions,
    private readonly notifications: NotificationsService,
  ) {
    this.batcher = new KeyedBatcher((slotId, items) => this.writeAll(slotId, items), config.bookingBatchMax);
  }

  /**
   * Write `item` with the other bookings of its slot that arrive meanwhile. Answers the slot's booked
   * count as this booking left it. Errors: DomainError SLOT_FULL when the slot had no place left for
   * it (the first arrivals get the places); the driver's duplicate-key error when its principal
   * already has an active booking that day or its check-in code clashed (the admission seam tells
   * those apart); a database error as the transaction runner gave it up.
   */
  book(item: BatchBooking): Promise<number> {
    return this.batcher.submit(item.booking.slotId, item);
  }

  /** One outcome per item, in order: the items that fit written together, the rest refused. */
  private async writeAll(slotId: string, items: BatchBooking[]): Promise<Array<Outcome<number>>> {
    const out: Array<Outcome<number>> = items.map(() => failed(new DomainError('SLOT_FULL')));
    let todo = items.map((_, i) => i);
    // each round ends written, or cut down to the places read afterwards; another instance taking
    // places in between can cost a round, so the rounds are bounded (what is left stays refused)
    for (let round = 0; todo.length && round < MAX_ROUNDS; round++) {
      const batch = todo.map((i) => items[i]);
      try {
        const final = await this.tx.run((em) => this.writeTogether(em, slotId, batch));
        countsAfter(final, todo.length).forEach((count, j) => (out[todo[j]] = succeeded(count)));
        return out;
      } catch (e) {
        if (e instanceof ShortOfPlaces) {
          // fewer places than asked for: the first arrivals take what is left, the others stay refused
          const slot = await this.db.slots.findOne({ where: { id: slotId } });
          todo = todo.slice(0, slot ? admitted(placesLeft(slot, latest(batch)), todo.length) : 0);
          continue;
        }
        if (todo.length > 1 && isDuplicateKey(e)) {
          // one of them already has a booking that day (or a code clashed): halve the batch and write
          // each half (the first first), down to the one that clashes, which answers it on its own
          const half = Math.ceil(todo.length / 2);
          for (const part of [todo.slice(0, half), todo.slice(half)]) {
            const got = await this.writeAll(
              slotId,
              part.map((i) => items[i]),
            );
            part.forEach((i, j) => (out[i] = got[j]));
          }
          return out;
        }
        for (const i of todo) out[i] = failed(e);
        return out;
      }
    }
    return out;
  }

  /** In `em`: the rows, the messages, and the guarded update for all of them; answers the booked count after. */
  private async writeTogether(em: EntityManager, slotId: string, batch: BatchBooking[]): Promise<number> {
    const k = batch.length;
    await insertRows(
      em,
      BookingEntity,
      batch.map((b) => b.booking),
    );
    await this.notifications.sendMany(
      batch.flatMap((b) => (b.notice ? [b.notice] : [])),
      em,
    );
    // the capacity guard last; the new count comes back with the update itself (LAST_INSERT_ID(expr)
    // sets the connection's last insert id, which the OK packet carries)
    const update = em
      .createQueryBuilder()
      .update(SlotEntity)
      .set({ booked: () => `LAST_INSERT_ID(booked + ${k})` })
      .where('id = :id AND booked + held + :k <= capacity AND active = :active AND start_at > :now', { id: slotId, k, active: true, now: latest(batch) });
    const ok = (await em.query(...update.getQueryAndParameters())) as { affectedRows: number; insertId: number };
    if (!ok.affectedRows) throw new ShortOfPlaces();
    return Number(ok.insertId);
  }
}

/** The latest moment the batch's rules were judged at: the guard's "not started" holds for all of them. */
const latest = (batch: BatchBooking[]): Date => new Date(Math.max(...batch.map((b) => b.now.getTime())));
