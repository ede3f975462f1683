import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AdminSlot, LINKS } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../common/db/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { localTime } from './booking.rules';
import { CentreCancellationService } from './centre-cancel.service';
import { BookingEntity } from './entities/booking.entity';
import { SlotEntity } from './entities/slot.entity';
import { WaitlistEntryEntity } from './entities/waitlist-entry.entity';
import { adminSlotView } from './slots.service';
import { repositories } from '../common/db/repositories';

/**
 * The centre closes a slot (DESIGN.md: the centre's own failures never land on the applicant).
 * In one transaction: the slot stops being offered (a booking racing it fails its guarded
 * capacity update, which requires `active`), each of its `booked` bookings is cancelled by the
 * centre (CentreCancellationService.cancelIn: never a no-show, the reason and three nearest free
 * slots told), and its waitlist ends.
 */
@Injectable()
export class SlotClosingService {
  private readonly db = repositories(this.ds, { slots: SlotEntity, halls: HallEntity, services: ServiceEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: Transactions,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly centre: CentreCancellationService,
  ) {}

  async close(caller: AuthUser, slotId: string, reason: string): Promise<AdminSlot & { cancelled: number }> {
    const slot = await this.db.slots.findOne({ where: { id: slotId } });
    if (!slot) throw new DomainError('NOT_FOUND');
    if (!slot.active) throw new DomainError('INVALID_STATE', '该时段已关闭');
    const hall = await this.db.halls.findOne({ where: { id: slot.hallId } });
    const now = this.clock.now();

    const cancelled = await this.tx.run(async (em) => {
      const closed = await em
        .createQueryBuilder()
        .update(SlotEntity)
        .set({ active: false })
        .where('id = :id AND active = :active', { id: slotId, active: true })
        .execute();
      if (!closed.affected) throw new DomainError('INVALID_STATE', '该时段已关闭');

      // read after the slot row is locked: no booking of it can commit any more
      const booked = await em.getRepository(BookingEntity).find({ where: { slotId, status: 'booked' } });
      const n = (await this.centre.cancelIn(em, booked, reason, now)).length;

      // the waitlist of a closed slot ends; a place held for an offer goes with it
      const waiting = await em.getRepository(WaitlistEntryEntity).find({ where: { slotId, status: In(['waiting', 'offered']) } });
      for (const w of waiting) {
        const r = await em.getRepository(WaitlistEntryEntity).update({ id: w.id, status: w.status }, { status: 'expired', activeKey: null });
        if (!r.affected) continue;
        await this.notifications.send(
          {
            userId: w.userId,
            type: 'waitlist_closed',
            title: '候补的时段已关闭',
            body: `${hall?.name ?? '服务中心'}已关闭 ${slot.day} ${localTime(slot.startAt)}-${localTime(slot.endAt)} 的办理时段，您的候补已结束。原因：${reason}。请选择其他时段预约。`,
            link: LINKS.book(w.serviceId),
            dedupeKey: `waitlist_closed:${w.id}`,
          },
          em,
        );
      }
      await em.createQueryBuilder().update(SlotEntity).set({ held: 0 }).where('id = :id', { id: slotId }).execute();

      await this.audit.record({ actorId: caller.id, action: 'slot.close', objectType: 'slot', objectId: slotId, reason, data: { cancelled: n } }, em);
      return n;
    });

    const after = await this.db.slots.findOneOrFail({ where: { id: slotId } });
    const serviceName = after.serviceId ? ((await this.db.services.findOne({ where: { id: after.serviceId }, select: { id: true, name: true } }))?.name ?? '') : null;
    return { ...adminSlotView(after, serviceName), cancelled };
  }
}
