import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { OffhoursStatus, OnBehalfOf, maskName, LINKS } from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { AdmissionService } from '../booking/admission.service';
import { localTime } from '../booking/booking.rules';
import { SlotEntity } from '../booking/entities/slot.entity';
import { SlotsService } from '../booking/slots.service';
import { StandingService } from '../booking/standing.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { requireVerified } from '../users/users.rules';
import { OffhoursRequestEntity } from './entities/offhours-request.entity';
import { checkOffhoursRequest, OffhoursCheck, officeOverlap, overlapMessage } from './offhours.rules';
import type { OffhoursView } from '@gov/shared';
export type { OffhoursView } from '@gov/shared';

const REFUSALS: Record<Exclude<OffhoursCheck, 'ok'>, { field: 'preferredStart' | 'preferredEnd'; message: string }> = {
  bad_range: { field: 'preferredStart', message: '请选择同一天内、不超过 4 小时的时间段' },
  past: { field: 'preferredStart', message: '请选择将来的时间' },
  overlaps_start: { field: 'preferredStart', message: overlapMessage() },
  overlaps_end: { field: 'preferredEnd', message: overlapMessage() },
};

const view = (r: OffhoursRequestEntity): OffhoursView => ({
  id: r.id,
  status: r.status,
  serviceId: r.serviceId,
  hallId: r.hallId,
  preferredStart: r.preferredStart.toISOString(),
  preferredEnd: r.preferredEnd.toISOString(),
  note: r.note,
  bookingId: r.bookingId,
  refuseReason: r.refuseReason,
  staffName: r.staffName,
  createdAt: r.createdAt.toISOString(),
});

/** 错时 / 预约办: service outside office hours or on non-working days, on one working day's notice. */
@Injectable()
export class OffhoursService {
  constructor(
    @InjectRepository(OffhoursRequestEntity) private readonly requests: Repository<OffhoursRequestEntity>,
    @InjectRepository(ServiceEntity) private readonly services: Repository<ServiceEntity>,
    @InjectRepository(HallEntity) private readonly halls: Repository<HallEntity>,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
    private readonly slots: SlotsService,
    private readonly standing: StandingService,
    private readonly acting: ActingService,
    private readonly users: UsersService,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly admission: AdmissionService,
  ) {}

  async create(
    caller: AuthUser,
    input: { serviceId: string; hallId: string; preferredStart: string; preferredEnd: string; note?: string; onBehalfOf?: OnBehalfOf },
  ): Promise<OffhoursView> {
    const actor = await this.users.requireById(caller.id);
    requireVerified(actor, '申请错时办理');
    const who = await this.acting.resolve(caller, input.onBehalfOf, input.serviceId);
    await this.standing.assertMayBook(who.userId);
    await this.slots.requireServiceAtHall(input.serviceId, input.hallId);
    const start = new Date(input.preferredStart);
    const end = new Date(input.preferredEnd);
    const now = this.clock.now();
    const view_ = await this.calendar.view();
    const check = checkOffhoursRequest(start, end, now, view_.isWorkday);
    if (check !== 'ok') throw fieldError(REFUSALS[check].field, REFUSALS[check].message);
    const day = shanghaiDate(start);
    if (!(await this.calendar.isNoticeInTime(day, now))) {
      const deadline = await this.calendar.lastWorkdayBefore(day);
      throw new DomainError('NOTICE_TOO_SHORT', `错时预约需至少提前一个工作日申请：${day} 的预约最晚应在 ${deadline} 下班前提出`, { deadline });
    }
    const r = this.requests.create({
      id: newId(),
      userId: who.userId,
      actorId: who.actorId,
      enterpriseId: who.enterpriseId,
      principalKey: who.principalKey,
      serviceId: input.serviceId,
      hallId: input.hallId,
      preferredStart: start,
      preferredEnd: end,
      note: input.note ?? null,
      status: 'pending',
      refuseReason: null,
      bookingId: null,
      decidedBy: null,
      staffName: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.requests.insert(r);
    return view(r);
  }

  /** Service and hall names for a set of requests, in two queries. */
  private async names(rows: OffhoursRequestEntity[]): Promise<(r: OffhoursRequestEntity) => { serviceName: string; hallName: string }> {
    if (rows.length === 0) return () => ({ serviceName: '', hallName: '' });
    const [services, halls] = await Promise.all([
      this.services.find({ where: { id: In([...new Set(rows.map((r) => r.serviceId))]) }, select: { id: true, name: true } }),
      this.halls.find({ where: { id: In([...new Set(rows.map((r) => r.hallId))]) }, select: { id: true, name: true } }),
    ]);
    const s = new Map(services.map((x) => [x.id, x.name]));
    const h = new Map(halls.map((x) => [x.id, x.name]));
    return (r) => ({ serviceName: s.get(r.serviceId) ?? '', hallName: h.get(r.hallId) ?? '' });
  }

  async list(caller: AuthUser): Promise<OffhoursView[]> {
    const rows = await this.requests
      .createQueryBuilder('r')
      .where(this.access.partyScope('r', caller))
      .orderBy('r.created_at', 'DESC')
      .take(200)
      .getMany();
    const names = await this.names(rows);
    return rows.map((r) => ({ ...view(r), ...names(r) }));
  }

  async get(caller: AuthUser, id: string): Promise<OffhoursView> {
    return view(this.access.visible(caller, await this.requests.findOne({ where: { id } })));
  }

  async cancel(caller: AuthUser, id: string): Promise<OffhoursView> {
    this.access.ownedBy(caller, await this.requests.findOne({ where: { id } }));
    const done = await this.requests.update({ id, status: 'pending' }, { status: 'cancelled', updatedAt: this.clock.now() });
    if (!done.affected) throw new DomainError('INVALID_STATE', '只有待确认的申请可以撤回');
    return this.get(caller, id);
  }

  async staffList(caller: AuthUser, status?: OffhoursStatus): Promise<OffhoursView[]> {
    const hallId = caller.roles.includes('admin') ? undefined : (caller.hallId ?? '-');
    const rows = await this.requests.find({
      where: { ...(hallId ? { hallId } : {}), ...(status ? { status } : {}) },
      order: { preferredStart: 'ASC' },
      take: 500,
    });
    const users = await Promise.all(rows.map((r) => this.users.findById(r.userId)));
    const names = await this.names(rows);
    return rows.map((r, i) => ({ ...view(r), ...names(r), applicantName: maskName(users[i]?.realName ?? null) }));
  }

  /** Confirm with a time and a staff member: the request becomes an off-hours booking (same no-show rules). */
  async confirm(caller: AuthUser, id: string, input: { start: string; end: string; staffName: string }): Promise<OffhoursView> {
    const r = this.access.handled(caller, await this.requests.findOne({ where: { id } }));
    if (r.status !== 'pending') throw new DomainError('INVALID_STATE', '该申请已处理');
    const start = new Date(input.start);
    const end = new Date(input.end);
    const now = this.clock.now();
    if (end.getTime() <= start.getTime() || start.getTime() <= now.getTime()) {
      throw fieldError('start', '时间不正确', '请填写将来的、结束晚于开始的时间');
    }
    const overlap = officeOverlap(start, end, (await this.calendar.view()).isWorkday);
    if (overlap) throw fieldError(overlap, overlapMessage());
    const slot: SlotEntity = Object.assign(new SlotEntity(), {
      id: newId(),
      hallId: r.hallId,
      serviceId: r.serviceId,
      templateId: null,
      day: shanghaiDate(start),
      startAt: start,
      endAt: end,
      capacity: 1,
      booked: 0,
      held: 0,
      kind: 'offhours' as const,
      active: true,
      createdAt: now,
    });
    // the same admission rules as any booking (real name, standing, acting rights, one a day), the
    // slot made for this request in the same transaction that claims the request
    const booking = await this.admission.admit({
      path: 'offhours',
      slot,
      newSlot: true,
      serviceId: r.serviceId,
      place: 'free',
      kind: 'offhours',
      offhoursRequestId: r.id,
      acting: () => this.acting.forRecord(r, r.serviceId),
      claim: async (em, b) => {
        const claimed = await em.getRepository(OffhoursRequestEntity).update(
          { id, status: 'pending' },
          { status: 'confirmed', bookingId: b.id, decidedBy: caller.id, staffName: input.staffName, decidedAt: now, updatedAt: now },
        );
        if (!claimed.affected) throw new DomainError('INVALID_STATE', '该申请已处理');
        await this.audit.record({ actorId: caller.id, action: 'offhours.confirm', objectType: 'offhours_request', objectId: id, data: { start: input.start, end: input.end } }, em);
      },
    });
    await this.notifications.send({
      userId: r.userId,
      type: 'offhours_confirmed',
      title: '错时预约已确认',
      body: `您申请的错时办理已确认：${slot.day} ${localTime(start)}-${localTime(end)}，接待人员 ${input.staffName}。请凭预约码 ${booking.code} 按时前往。`,
      link: LINKS.booking(booking.id),
    });
    return this.get(caller, id);
  }

  async refuse(caller: AuthUser, id: string, reason: string): Promise<OffhoursView> {
    const r = this.access.handled(caller, await this.requests.findOne({ where: { id } }));
    const now = this.clock.now();
    const done = await this.requests.update({ id, status: 'pending' }, { status: 'refused', refuseReason: reason, decidedBy: caller.id, decidedAt: now, updatedAt: now });
    if (!done.affected) throw new DomainError('INVALID_STATE', '该申请已处理');
    await this.audit.record({ actorId: caller.id, action: 'offhours.refuse', objectType: 'offhours_request', objectId: id, reason });
    await this.notifications.send({
      userId: r.userId,
      type: 'offhours_refused',
      title: '错时预约未能安排',
      body: `很抱歉，您申请的错时办理未能安排。原因：${reason}`,
      link: LINKS.offhours(id),
    });
    return this.get(caller, id);
  }
}
