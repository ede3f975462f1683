import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan } from 'typeorm';
import {
  LINKS,
  maskName,
  OFFHOURS_REFUSAL_REASON_LABELS,
  OffhoursRefusalReason,
  OffhoursStatus,
  OnBehalfOf,
  workdayClosingTime,
  workdayWindows,
} from '@gov/shared';
import { AccessPolicy } from '../access/access-policy.service';
import { AdmissionService } from '../booking/admission.service';
import { bookingHorizon, localTime } from '../booking/booking.rules';
import { SlotEntity } from '../booking/entities/slot.entity';
import { SlotsService } from '../booking/slots.service';
import { StandingService } from '../booking/standing.service';
import { shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { ServiceMaterialEntity } from '../catalog/entities/service-material.entity';
import { HallPolicyService } from '../catalog/hall-policy.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { AppConfig } from '../config/app-config';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { newPrincipalRow } from '../common/principal-row';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { requireVerified } from '../users/users.rules';
import { OffhoursRequestEntity } from './entities/offhours-request.entity';
import { checkOffhoursRequest, ClosingOn, hasDatePassed, noticeDeadline, OffhoursCheck, OfficeWindow, officeOverlap, overlapMessage, replyDeadline } from './offhours.rules';
import type { OffhoursView } from '@gov/shared';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
export type { OffhoursView } from '@gov/shared';

const REFUSALS: Record<Exclude<OffhoursCheck, 'ok'>, { field: 'preferredStart' | 'preferredEnd'; message: string | null }> = {
  bad_range: { field: 'preferredStart', message: '请选择同一天内、不超过 4 小时的时间段' },
  past: { field: 'preferredStart', message: '请选择将来的时间' },
  // null: the hall's own office windows of that day (overlapMessage)
  overlaps_start: { field: 'preferredStart', message: null },
  overlaps_end: { field: 'preferredEnd', message: null },
};

/** `2026-11-27 17:00` (Asia/Shanghai) */
const wallTime = (at: Date): string => `${shanghaiDate(at)} ${localTime(at)}`;

/** The refusal as the applicant reads it: the reason's label, then the note; a free-text reason from before the list as it was. */
const refusalText = (code: OffhoursRefusalReason | null, note: string | null): string | null => {
  if (!code) return note;
  return note ? `${OFFHOURS_REFUSAL_REASON_LABELS[code]}：${note}` : OFFHOURS_REFUSAL_REASON_LABELS[code];
};

/** A hall's working-day hours, by date: its office windows and its closing time (hall policy; 调休 works as a weekday). */
interface HallHours {
  windowsOn: (date: string) => ReadonlyArray<OfficeWindow>;
  closingOn: ClosingOn;
}

const view = (r: OffhoursRequestEntity, now: Date, materials: string[] = []): OffhoursView => ({
  id: r.id,
  status: r.status,
  serviceId: r.serviceId,
  hallId: r.hallId,
  preferredStart: r.preferredStart.toISOString(),
  preferredEnd: r.preferredEnd.toISOString(),
  note: r.note,
  bookingId: r.bookingId,
  refuseReason: r.status === 'refused' ? refusalText(r.refuseCode, r.refuseReason) : null,
  refuseReasonCode: r.status === 'refused' ? r.refuseCode : null,
  staffName: r.staffName,
  createdAt: r.createdAt.toISOString(),
  replyBy: r.replyBy ? r.replyBy.toISOString() : null,
  overdue: r.status === 'pending' && !!r.replyBy && r.replyBy.getTime() < now.getTime(),
  materials: r.status === 'confirmed' ? materials : [],
  materialsNote: r.status === 'confirmed' ? r.materialsNote : null,
});

/**
 * 错时 / 预约办 (DESIGN.md, Off-hours service; 罗山 预约办 and 错时办): service outside a hall's opening
 * hours or on non-working days, asked for by closing time of the last working day before, answered
 * within one working day, confirmed with the materials to bring or refused with a reason from a list
 * (never "non-working day", 预约办 七), and expired when its date passes unanswered.
 */
@Injectable()
export class OffhoursService {
  private readonly db = repositories(this.ds, {
    requests: OffhoursRequestEntity, services: ServiceEntity, halls: HallEntity, materials: ServiceMaterialEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
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
    private readonly policies: HallPolicyService,
    private readonly tx: Transactions,
  ) {}

  /** The hall's working-day office windows and closing time by date, from its policy's opening hours. */
  private async hours(hallId: string): Promise<HallHours> {
    const { openingHours } = await this.policies.get(hallId);
    return { windowsOn: (d: string) => workdayWindows(openingHours, d), closingOn: (d: string) => workdayClosingTime(openingHours, d) };
  }

  /** SLOT_NOT_BOOKABLE when `start` lies beyond the booking horizon (DESIGN.md: every path that creates a booking stays inside it). */
  private assertInHorizon(start: Date, now: Date): void {
    const { to } = bookingHorizon(now, this.config.bookingHorizonDays);
    if (shanghaiDate(start) > to) {
      throw new DomainError('SLOT_NOT_BOOKABLE', `错时办理只能预约 ${to} 及以前的时间（可预约 ${this.config.bookingHorizonDays} 天内）`, { horizonDays: this.config.bookingHorizonDays, until: to });
    }
  }

  /** VALIDATION_FAILED on `preferredStart`/`preferredEnd` (or `start`/`end` for staff) when the span meets the hall's office hours that day. */
  private overlapError(field: string, start: Date, hours: HallHours): DomainError {
    return fieldError(field, overlapMessage(hours.windowsOn(shanghaiDate(start))));
  }

  /**
   * A new request (POST /offhours-requests), `pending`, with `replyBy` (see replyDeadline). Raises
   * REAL_NAME_REQUIRED, AUTHORIZATION_INVALID / AUDIENCE_MISMATCH (acting), BOOKING_FORFEITED, NOT_FOUND
   * (service not at hall), VALIDATION_FAILED (span: one day, ≤ 4 hours, future, outside the hall's
   * office hours of a working day), SLOT_NOT_BOOKABLE (beyond the booking horizon), NOTICE_TOO_SHORT
   * (after closing time of the last working day before; `details.deadline` ISO instant, `details.date`).
   */
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
    const { isWorkday } = await this.calendar.view();
    const hours = await this.hours(input.hallId);
    const check = checkOffhoursRequest(start, end, now, isWorkday, hours.windowsOn);
    if (check !== 'ok') {
      const refusal = REFUSALS[check];
      throw refusal.message === null ? this.overlapError(refusal.field, start, hours) : fieldError(refusal.field, refusal.message);
    }
    this.assertInHorizon(start, now);
    const day = shanghaiDate(start);
    const deadline = noticeDeadline(day, isWorkday, hours.closingOn);
    if (now.getTime() > deadline.getTime()) {
      throw new DomainError('NOTICE_TOO_SHORT', `错时预约需至少提前一个工作日申请：${day} 的预约最晚应在 ${wallTime(deadline)}（大厅下班前）提出`, {
        deadline: deadline.toISOString(),
        date: shanghaiDate(deadline),
      });
    }
    const r = this.db.requests.create({
      ...newPrincipalRow(who),
      principalKey: who.principalKey,
      serviceId: input.serviceId,
      hallId: input.hallId,
      preferredStart: start,
      preferredEnd: end,
      note: input.note ?? null,
      status: 'pending',
      refuseReason: null,
      refuseCode: null,
      replyBy: replyDeadline(now, start, isWorkday, hours.closingOn),
      materialsNote: null,
      bookingId: null,
      decidedBy: null,
      staffName: null,
      decidedAt: null,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.requests.insert(r);
    // built from the row just written, with the names a read shows (create-views.int.ts)
    return (await this.views([r]))[0];
  }

  /** The guide's materials of each service, as the applicant brings them: `名称（N 份）`, in the guide's order. */
  private async materialLists(serviceIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (serviceIds.length === 0) return out;
    const rows = await this.db.materials.find({ where: { serviceId: In([...new Set(serviceIds)]) }, order: { sortOrder: 'ASC' } });
    for (const m of rows) {
      const list = out.get(m.serviceId) ?? [];
      list.push(m.copies > 1 ? `${m.name}（${m.copies} 份）` : m.name);
      out.set(m.serviceId, list);
    }
    return out;
  }

  /** Views of rows with service and hall names (two queries) and, for confirmed ones, the materials to bring. */
  private async views(rows: OffhoursRequestEntity[]): Promise<OffhoursView[]> {
    if (rows.length === 0) return [];
    const now = this.clock.now();
    const [s, h, materials] = await Promise.all([
      namesById(this.db.services, rows.map((r) => r.serviceId)),
      namesById(this.db.halls, rows.map((r) => r.hallId)),
      this.materialLists(rows.filter((r) => r.status === 'confirmed').map((r) => r.serviceId)),
    ]);
    return rows.map((r) => ({ ...view(r, now, materials.get(r.serviceId) ?? []), serviceName: s.get(r.serviceId) ?? '', hallName: h.get(r.hallId) ?? '' }));
  }

  /** Staff lists: the views with the applicant's masked name. */
  private async staffViews(rows: OffhoursRequestEntity[]): Promise<OffhoursView[]> {
    const users = await Promise.all(rows.map((r) => this.users.findById(r.userId)));
    return (await this.views(rows)).map((v, i) => ({ ...v, applicantName: maskName(users[i]?.realName ?? null) }));
  }

  /** The caller's requests (own, made by them, or their company's), newest first, at most 200. */
  async list(caller: AuthUser): Promise<OffhoursView[]> {
    const rows = await this.db.requests
      .createQueryBuilder('r')
      .where(this.access.partyScope('r', caller))
      .orderBy('r.created_at', 'DESC')
      .take(200)
      .getMany();
    return this.views(rows);
  }

  /** One request the caller may see (NOT_FOUND otherwise); a confirmed one carries `bookingId` and the materials to bring. */
  async get(caller: AuthUser, id: string): Promise<OffhoursView> {
    const r = this.access.visible(caller, await this.db.requests.findOne({ where: { id } }));
    return (await this.views([r]))[0];
  }

  /** The applicant withdraws a pending request; INVALID_STATE otherwise. */
  async cancel(caller: AuthUser, id: string): Promise<OffhoursView> {
    const r = this.access.ownedBy(caller, await this.db.requests.findOne({ where: { id } }));
    await this.acting.assertMayActFor(caller, r, r.serviceId);
    const done = await this.db.requests.update({ id, status: 'pending' }, { status: 'cancelled', updatedAt: this.clock.now() });
    if (!done.affected) throw new DomainError('INVALID_STATE', '只有待确认的申请可以撤回');
    return this.get(caller, id);
  }

  /** The hall's requests (all halls for an admin), by requested time, at most 500. */
  async staffList(caller: AuthUser, status?: OffhoursStatus): Promise<OffhoursView[]> {
    const hallId = caller.roles.includes('admin') ? undefined : (caller.hallId ?? '-');
    const rows = await this.db.requests.find({
      where: { ...(hallId ? { hallId } : {}), ...(status ? { status } : {}) },
      order: { preferredStart: 'ASC' },
      take: 500,
    });
    return this.staffViews(rows);
  }

  /**
   * The supervisor's list (GET /staff/supervision/offhours-requests): pending requests past `replyBy`
   * (罗山 预约办 五 "应当即给予答复"; 八: 追究窗口责任), of the caller's hall (all halls for an admin),
   * latest-due first at most 500, each `overdue: true`.
   */
  async overdue(caller: AuthUser): Promise<OffhoursView[]> {
    const hallId = caller.roles.includes('admin') ? undefined : (caller.hallId ?? '-');
    const rows = await this.db.requests.find({
      where: { ...(hallId ? { hallId } : {}), status: 'pending', replyBy: LessThan(this.clock.now()) },
      order: { replyBy: 'ASC' },
      take: 500,
    });
    return this.staffViews(rows);
  }

  /**
   * Confirm with a time and a staff member: the request becomes an off-hours booking (same no-show
   * rules, same admission door) and the applicant is told what to bring — the guide's list plus
   * `materialsNote` (罗山 预约办 五 "说明依法需要提供的相关资料"). Raises NOT_FOUND (another hall),
   * INVALID_STATE (not pending), VALIDATION_FAILED (past, inverted, or meeting the hall's office hours),
   * SLOT_NOT_BOOKABLE (beyond the booking horizon), and whatever admission raises.
   */
  async confirm(caller: AuthUser, id: string, input: { start: string; end: string; staffName: string; materialsNote?: string }): Promise<OffhoursView> {
    const r = this.access.handled(caller, await this.db.requests.findOne({ where: { id } }));
    if (r.status !== 'pending') throw new DomainError('INVALID_STATE', '该申请已处理');
    const start = new Date(input.start);
    const end = new Date(input.end);
    const now = this.clock.now();
    if (end.getTime() <= start.getTime() || start.getTime() <= now.getTime()) {
      throw fieldError('start', '时间不正确', '请填写将来的、结束晚于开始的时间');
    }
    const hours = await this.hours(r.hallId);
    const overlap = officeOverlap(start, end, (await this.calendar.view()).isWorkday, hours.windowsOn);
    if (overlap) throw this.overlapError(overlap, start, hours);
    this.assertInHorizon(start, now);
    const materialsNote = input.materialsNote?.trim() || null;
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
    const materials = (await this.materialLists([r.serviceId])).get(r.serviceId) ?? [];
    const bring = [...materials, ...(materialsNote ? [materialsNote] : [])];
    // the same admission rules as any booking (real name, standing, acting rights, one a day), the
    // slot made for this request in the same transaction that claims the request and tells the applicant
    await this.admission.admit({
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
          { status: 'confirmed', bookingId: b.id, decidedBy: caller.id, staffName: input.staffName, materialsNote, decidedAt: now, updatedAt: now },
        );
        if (!claimed.affected) throw new DomainError('INVALID_STATE', '该申请已处理');
        await this.audit.record({ actorId: caller.id, action: 'offhours.confirm', objectType: 'offhours_request', objectId: id, data: { start: input.start, end: input.end } }, em);
        await this.notifications.send(
          {
            userId: r.userId,
            type: 'offhours_confirmed',
            title: '错时预约已确认',
            body:
              `您申请的错时办理已确认：${slot.day} ${localTime(start)}-${localTime(end)}，接待人员 ${input.staffName}。请凭预约码 ${b.code} 按时前往。` +
              (bring.length ? `\n请携带：${bring.map((m, i) => `${i + 1}. ${m}`).join('；')}。` : ''),
            link: LINKS.booking(b.id),
          },
          em,
        );
      },
    });
    return this.get(caller, id);
  }

  /**
   * Refuse with a reason from OFFHOURS_REFUSAL_REASONS (never "non-working day", 罗山 预约办 七) and an
   * optional note (required for `other`); the applicant is told both (预约办 五 "必须向申请人说明理由").
   * Raises NOT_FOUND, INVALID_STATE (not pending), VALIDATION_FAILED (`note` missing for `other`).
   */
  async refuse(caller: AuthUser, id: string, input: { reason: OffhoursRefusalReason; note?: string }): Promise<OffhoursView> {
    const r = this.access.handled(caller, await this.db.requests.findOne({ where: { id } }));
    const note = input.note?.trim() || null;
    if (input.reason === 'other' && !note) throw fieldError('note', '选择“其他原因”时请写明理由');
    const now = this.clock.now();
    const text = refusalText(input.reason, note) ?? '';
    // the refusal and its message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(OffhoursRequestEntity).update(
        { id, status: 'pending' },
        { status: 'refused', refuseCode: input.reason, refuseReason: note, decidedBy: caller.id, decidedAt: now, updatedAt: now },
      );
      if (!done.affected) throw new DomainError('INVALID_STATE', '该申请已处理');
      await this.notifications.send({ userId: r.userId, type: 'offhours_refused', title: '错时预约未能安排', body: `很抱歉，您申请的错时办理未能安排。原因：${text}`, link: LINKS.offhours(id) }, em);
    });
    await this.audit.record({ actorId: caller.id, action: 'offhours.refuse', objectType: 'offhours_request', objectId: id, reason: text });
    return this.get(caller, id);
  }

  /**
   * The `offhours-expiry` job: every pending request whose date (Asia/Shanghai) has passed becomes
   * `expired` and its applicant is told (one message per request, `dedupeKey`). Idempotent: each row
   * is claimed by a guarded update in the transaction that writes its message, so instances running
   * it at once expire and tell each request once. Returns `{ expired }`.
   */
  async expire(): Promise<{ expired: number }> {
    const now = this.clock.now();
    const today = startOfDay(shanghaiDate(now));
    const due = await this.db.requests.find({ where: { status: 'pending', preferredStart: LessThan(today) }, order: { preferredStart: 'ASC' }, take: 500 });
    let expired = 0;
    for (const r of due) {
      if (!hasDatePassed(r.preferredStart, now)) continue;
      const done = await this.tx.run(async (em) => {
        const claimed = await em.getRepository(OffhoursRequestEntity).update({ id: r.id, status: 'pending' }, { status: 'expired', updatedAt: now });
        if (!claimed.affected) return false;
        await this.notifications.send(
          {
            userId: r.userId,
            type: 'offhours_expired',
            title: '错时预约申请已过期',
            body: `很抱歉，您申请的 ${shanghaiDate(r.preferredStart)} ${localTime(r.preferredStart)}-${localTime(r.preferredEnd)} 错时办理未获大厅答复，申请已过期。如仍需办理，请重新申请或致电大厅。`,
            link: LINKS.offhours(r.id),
            dedupeKey: `offhours-expired:${r.id}`,
          },
          em,
        );
        return true;
      });
      if (done) expired++;
    }
    return { expired };
  }
}
