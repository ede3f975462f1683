import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { dateLabel, LINKS } from '@gov/shared';
import type { SupervisionBoard } from '@gov/shared';
import { AssistanceService } from '../assistance/assistance.service';
import { shanghaiDate } from '../calendar/calendar.rules';
import { lateForAcceptance } from '../applications/applications.rules';
import { StaffApplicationsService } from '../applications/staff-applications.service';
import { ForwardingService } from '../applications/forwarding.service';
import { ConsultationsService } from '../consultations/consultations.service';
import { questionExcerpt } from '../consultations/consultations.rules';
import { ConsultationEntity } from '../consultations/entities/consultation.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { forEachClaimed } from '../common/db/claim';
import { Transactions } from '../common/db/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { OffhoursRequestEntity } from '../offhours/entities/offhours-request.entity';
import { OffhoursService } from '../offhours/offhours.service';
import { RatingEntity } from '../ratings/entities/rating.entity';
import { RectificationEntity } from '../ratings/entities/rectification.entity';
import { RatingsService } from '../ratings/ratings.service';
import { OversightService } from '../oversight/oversight.service';
import { overdueOffhoursText, overdueRectificationText } from '../oversight/oversight.rules';
import { groupByResponsible } from './supervision.rules';

/**
 * 督办 beyond filings (issue 16, "real 督办"): off-hours requests past their reply-by time and
 * rectification tickets past their due date go to the responsible department's reviewers and the
 * hall's supervisors, and the supervisor's board (GET /staff/supervision) lists every late item.
 */
@Injectable()
export class SupervisionService {
  constructor(
    @InjectRepository(OffhoursRequestEntity) private readonly requests: Repository<OffhoursRequestEntity>,
    @InjectRepository(RectificationEntity) private readonly tickets: Repository<RectificationEntity>,
    @InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>,
    @InjectRepository(ConsultationEntity) private readonly questions: Repository<ConsultationEntity>,
    private readonly oversight: OversightService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
    private readonly filings: StaffApplicationsService,
    private readonly offhours: OffhoursService,
    private readonly ratingsService: RatingsService,
    private readonly consultations: ConsultationsService,
    private readonly forwarding: ForwardingService,
    private readonly assistance: AssistanceService,
    private readonly tx: Transactions,
  ) {}

  /**
   * One pass (run with the `sla-scan` job): every pending off-hours request past `replyBy` and every
   * open rectification ticket past `dueAt` not yet escalated is marked (`escalated_at`,
   * `overdue_notified_at`: a conditional update, so that of several instances one does it), put
   * before its department's reviewers and its hall's supervisors, and its applicant is told what was
   * done. Every open 咨询 past `answerBy` (one working day, 新郑 五(一)2⑴②) is marked the same way
   * (`escalated_at`) and put before its hall's supervisors, with a link to the staff 咨询 page.
   * Returns the counts. Raises nothing of its own.
   */
  async scan(): Promise<{ offhoursEscalated: number; rectificationsOverdue: number; consultationsEscalated: number; assistanceEscalated: number }> {
    const now = this.clock.now();
    const late = await this.requests.find({ where: { status: 'pending', replyBy: LessThan(now), escalatedAt: IsNull() }, order: { replyBy: 'ASC' }, take: 500 });
    const claimLate = (em: EntityManager, r: OffhoursRequestEntity) => em.getRepository(OffhoursRequestEntity).update({ id: r.id, status: 'pending', escalatedAt: IsNull() }, { escalatedAt: now });
    const offhoursEscalated = await forEachClaimed(this.tx, late, claimLate, async (em, r) => {
      const dept = await this.oversight.departmentOfService(r.serviceId);
      const e = await this.oversight.escalate({
        hallId: r.hallId,
        departmentId: dept.id,
        title: '督办：错时预约申请超时未答复',
        body: `一件错时预约申请已超过答复时限（${shanghaiDate(r.replyBy!)}）仍未答复，请尽快确认或说明理由。`,
        link: LINKS.staffOffhours(),
        dedupeKey: `offhours-overdue:${r.id}`,
      }, em);
      for (const userId of [...new Set([r.userId, r.actorId])]) {
        await this.notifications.send({ userId, type: 'offhours', title: '错时预约申请超时未答复', body: overdueOffhoursText(e), link: LINKS.offhours(r.id), dedupeKey: `offhours-overdue:${r.id}` }, em);
      }
    });

    const tickets = await this.tickets.find({ where: { status: 'open', dueAt: LessThan(now), overdueNotifiedAt: IsNull() }, order: { dueAt: 'ASC' }, take: 500 });
    const claimTicket = (em: EntityManager, t: RectificationEntity) => em.getRepository(RectificationEntity).update({ id: t.id, status: 'open', overdueNotifiedAt: IsNull() }, { overdueNotifiedAt: now });
    const rectificationsOverdue = await forEachClaimed(this.tx, tickets, claimTicket, async (em, t) => {
      const due = shanghaiDate(t.dueAt);
      const e = t.hallId
        ? await this.oversight.escalate({
            hallId: t.hallId,
            departmentId: t.departmentId,
            title: '督办：差评整改超期',
            body: `一件差评整改工单已超过答复期限（${due}）仍未答复，请尽快整改答复。`,
            link: LINKS.staffRectifications(),
            dedupeKey: `rectification-overdue:${t.id}`,
          }, em)
        : { reviewers: 0, supervisors: 0, departmentName: null };
      const rating = await this.ratings.findOne({ where: { id: t.ratingId }, select: { id: true, userId: true } });
      if (rating) {
        await this.notifications.send({ userId: rating.userId, type: 'rectification_overdue', title: '整改答复已超期', body: overdueRectificationText(due, e), link: LINKS.myRatings(), dedupeKey: `rectification-overdue:${t.id}` }, em);
      }
    });

    const questions = await this.questions.find({ where: { status: 'open', answerBy: LessThan(now), escalatedAt: IsNull() }, order: { answerBy: 'ASC' }, take: 500 });
    const claimQuestion = (em: EntityManager, c: ConsultationEntity) => em.getRepository(ConsultationEntity).update({ id: c.id, status: 'open', escalatedAt: IsNull() }, { escalatedAt: now });
    const consultationsEscalated = await forEachClaimed(this.tx, questions, claimQuestion, async (em, c) => {
      await this.oversight.escalate({
        hallId: c.hallId,
        departmentId: null,
        title: '督办：咨询超时未答复',
        body: `一件咨询已超过答复时限（${dateLabel(c.answerBy)}）仍未答复：“${questionExcerpt(c.question)}”，请尽快安排答复。`,
        link: LINKS.staffConsultations(),
        dedupeKey: `consultation-overdue:${c.id}`,
      }, em);
    });
    const assistanceEscalated = await this.assistance.escalateOverdue();
    return { offhoursEscalated, rectificationsOverdue, consultationsEscalated, assistanceEscalated };
  }

  /**
   * GET /staff/supervision: the caller's hall (all halls for an admin) — filings due soon or
   * overdue (key projects and the most late first), filings not accepted by their `acceptBy` day
   * (longest waiting first), off-hours requests past their reply time, and rectification tickets
   * past due, consultations unanswered past their working day, transfers between halls (同城通办)
   * sent from or to the hall and not received by their day, 异地代办 past their 7 working days, and
   * the late filings grouped by responsible person (首问负责). Raises nothing.
   */
  async board(caller: AuthUser): Promise<SupervisionBoard> {
    const today = shanghaiDate(this.clock.now());
    const [overdue, dueSoon, submitted, checked, offhoursRequests, rectifications, consultations, lateTransfers, assistance] = await Promise.all([
      this.filings.list(caller, { sla: 'overdue' }),
      this.filings.list(caller, { sla: 'due_soon' }),
      this.filings.list(caller, { status: 'submitted' }),
      this.filings.list(caller, { status: 'prereview_passed' }),
      this.offhours.overdue(caller),
      this.ratingsService.staffList(caller, 'overdue'),
      this.consultations.overdue(caller),
      this.forwarding.lateTransfers(caller),
      this.assistance.overdue(caller),
    ]);
    const lateAcceptances = [...submitted, ...checked]
      .filter((f) => lateForAcceptance(f, today))
      .sort((x, y) => (x.submittedAt ?? '').localeCompare(y.submittedAt ?? ''));
    const filings = [...overdue, ...dueSoon];
    return { filings, lateAcceptances, offhoursRequests, rectifications, consultations, lateTransfers, assistance, byResponsible: groupByResponsible([...filings, ...lateAcceptances]) };
  }
}
