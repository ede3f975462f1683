import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { RATING_LABELS, LINKS } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from '../access/access-policy.service';
import { startOfDay, endOfDay } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { CatalogService } from '../catalog/catalog.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/db/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { RatingEntity } from './entities/rating.entity';
import { RectificationEntity } from './entities/rectification.entity';
import { RatingTargets } from './rating-targets';
import {
  mayRerate,
  opensRectification,
  RATING_STAGE_LABELS,
  ratingStage,
  RatingStage,
  RatingTargetType,
  rectificationState,
  RectificationState,
  satisfaction,
  SatisfactionStats,
} from './ratings.rules';
import type { RectificationView, RatingView, RatingState, StaffRectificationView } from '@gov/shared';
export type { RectificationView, RatingView, RatingSummary, RatingState, StaffRectificationView } from '@gov/shared';

const STAGE_NOT_REACHED: Record<RatingTargetType, string> = {
  booking: '办理完成（已签到）后才能评价',
  application: '办件受理、不予受理、作出决定、送达或撤回后才能评价',
  assistance: '帮办代办办结后才能评价',
};

const RERATE_REFUSALS = {
  no_ticket: '只有“不满意”评价在整改答复后可以重新评价',
  not_answered: '整改答复后才能重新评价',
  already_rerated: '每项评价只能重新评价一次',
} as const;

/** 好差评: rate once, bad ratings open a rectification ticket, one re-rate after the answer. */
@Injectable()
export class RatingsService {
  constructor(
    @InjectRepository(RatingEntity) private readonly ratings: Repository<RatingEntity>,
    @InjectRepository(RectificationEntity) private readonly tickets: Repository<RectificationEntity>,
    private readonly config: AppConfig,
    private readonly targets: RatingTargets,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
  ) {}

  /**
   * Rate one stage of a booking or filing (临沂 四(一)): `stage`, one it has reached, or by default the
   * one it stands at now; once per stage. Throws NOT_FOUND, INVALID_STATE (nothing to rate yet, or a
   * stage not reached), ALREADY_RATED.
   */
  async rate(caller: AuthUser, input: { targetType: RatingTargetType; targetId: string; score: number; tags?: string[]; comment?: string; stage?: RatingStage }) {
    const target = await this.targets.resolve(caller, input.targetType, input.targetId);
    const stage = input.stage ?? target.stage;
    if (!stage) throw new DomainError('INVALID_STATE', STAGE_NOT_REACHED[input.targetType]);
    if (!target.reached.includes(stage)) throw new DomainError('INVALID_STATE', `尚未经历${RATING_STAGE_LABELS[stage]}环节，不能评价`);
    const now = this.clock.now();
    const rating = this.ratings.create({
      id: newId(),
      targetType: input.targetType,
      targetId: input.targetId,
      stage,
      userId: caller.id,
      hallId: target.hallId,
      departmentId: target.departmentId,
      serviceId: target.serviceId,
      score: input.score,
      tags: input.tags ?? [],
      comment: input.comment?.trim() || null,
      firstScore: input.score,
      createdAt: now,
      reratedAt: null,
    });
    const ticket = opensRectification(input.score)
      ? this.tickets.create({
          id: newId(),
          ratingId: rating.id,
          hallId: target.hallId,
          departmentId: target.departmentId,
          status: 'open',
          dueAt: await this.calendar.dueAt(now, this.config.rectificationDays),
          answer: null,
          answeredBy: null,
          answeredAt: null,
          overdueNotifiedAt: null,
          createdAt: now,
        })
      : null;
    try {
      await this.tx.run(async (em) => {
        await em.getRepository(RatingEntity).insert(rating);
        if (ticket) await em.getRepository(RectificationEntity).insert(ticket);
      });
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('ALREADY_RATED', `您已评价过${RATING_STAGE_LABELS[stage]}，如对整改答复不满意可重新评价一次`);
      throw e;
    }
    return { id: rating.id, score: rating.score, stage: rating.stage, rectification: ticket ? this.ticketView(ticket) : null };
  }

  /**
   * The applicant's booking or filing views with their rating state (RatingState). Staff and admins
   * get the views as they are: which rating belongs to which applicant is never shown to them.
   */
  async withRatingState<T extends { id: string; status: string; submittedAt?: string | null }>(caller: AuthUser, type: RatingTargetType, views: T[]): Promise<Array<T & Partial<RatingState>>> {
    if (!caller.roles.includes('citizen') || views.length === 0) return views;
    const staged = views.map((v) => ({ v, stage: ratingStage(type, v.status, type === 'booking' || !!v.submittedAt) }));
    const ids = staged.filter((x) => x.stage).map((x) => x.v.id);
    const rows = ids.length ? await this.ratings.find({ where: { targetType: type, targetId: In(ids) }, select: { id: true, targetId: true, stage: true, score: true } }) : [];
    const byStage = new Map(rows.map((r) => [`${r.targetId}:${r.stage}`, r]));
    return staged.map(({ v, stage }) => {
      const r = stage ? byStage.get(`${v.id}:${stage}`) : undefined;
      return {
        ...v,
        ratingStage: stage ? { stage, label: RATING_STAGE_LABELS[stage] } : null,
        rateable: !!stage && !r,
        rating: r ? { id: r.id, score: r.score, stage: r.stage, stageLabel: RATING_STAGE_LABELS[r.stage] } : null,
      };
    });
  }

  async rerate(caller: AuthUser, id: string, input: { score: number; comment?: string }): Promise<RatingView> {
    const r = await this.ratings.findOne({ where: { id, userId: caller.id } });
    if (!r) throw new DomainError('NOT_FOUND');
    const ticket = await this.tickets.findOne({ where: { ratingId: id } });
    const verdict = mayRerate(r, ticket);
    if (verdict !== 'ok') throw new DomainError('INVALID_STATE', RERATE_REFUSALS[verdict]);
    const now = this.clock.now();
    const done = await this.ratings
      .createQueryBuilder()
      .update()
      .set({ score: input.score, comment: input.comment?.trim() || r.comment, reratedAt: now })
      .where('id = :id AND rerated_at IS NULL', { id })
      .execute();
    if (!done.affected) throw new DomainError('INVALID_STATE', RERATE_REFUSALS.already_rerated);
    return (await this.list(caller, {}, id))[0];
  }

  /** The caller's ratings: all, those of one booking or filing (`targetType`, `targetId`), or just the one with `onlyId`. */
  async list(caller: AuthUser, q: { targetType?: RatingTargetType; targetId?: string } = {}, onlyId?: string): Promise<RatingView[]> {
    const where = {
      userId: caller.id,
      ...(q.targetType ? { targetType: q.targetType } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...(onlyId ? { id: onlyId } : {}),
    };
    const rows = await this.ratings.find({ where, order: { createdAt: 'DESC' }, take: 200 });
    if (rows.length === 0) return [];
    const [tickets, nameOf] = await Promise.all([
      this.tickets.find({ where: { ratingId: In(rows.map((r) => r.id)) } }),
      this.catalog.serviceNames(rows.map((r) => r.serviceId)),
    ]);
    const ticketOf = new Map(tickets.map((t) => [t.ratingId, t]));
    return rows.map((r) => {
      const t = ticketOf.get(r.id) ?? null;
      return {
        id: r.id,
        targetType: r.targetType,
        targetId: r.targetId,
        stage: r.stage,
        stageLabel: RATING_STAGE_LABELS[r.stage],
        score: r.score,
        label: RATING_LABELS[r.score as 1 | 2 | 3 | 4 | 5],
        tags: r.tags,
        comment: r.comment,
        createdAt: r.createdAt.toISOString(),
        reratedAt: r.reratedAt?.toISOString() ?? null,
        canRerate: mayRerate(r, t) === 'ok',
        serviceName: r.serviceId ? (nameOf.get(r.serviceId) ?? null) : null,
        rectification: t ? this.ticketView(t) : null,
      };
    });
  }

  /** The hall's tickets (admins: all), or just the one with `onlyId`. */
  async staffList(caller: AuthUser, status?: RectificationState, onlyId?: string): Promise<StaffRectificationView[]> {
    const where = { ...(caller.roles.includes('admin') ? {} : { hallId: caller.hallId ?? '-' }), ...(onlyId ? { id: onlyId } : {}) };
    const rows = await this.tickets.find({ where, order: { dueAt: 'ASC' }, take: 500 });
    const now = this.clock.now();
    const filtered = rows.filter((t) => !status || rectificationState(t, now) === status);
    if (filtered.length === 0) return [];
    const ratings = await this.ratings.find({ where: { id: In(filtered.map((t) => t.ratingId)) } });
    const rOf = new Map(ratings.map((r) => [r.id, r]));
    const [sName, hName] = await Promise.all([
      this.catalog.serviceNames(ratings.map((r) => r.serviceId)),
      this.catalog.hallNames(filtered.map((t) => t.hallId)),
    ]);
    return filtered.map((t) => {
      const r = rOf.get(t.ratingId)!;
      return {
        ...this.ticketView(t),
        stage: r.stage,
        stageLabel: RATING_STAGE_LABELS[r.stage],
        score: r.score,
        firstScore: r.firstScore,
        label: RATING_LABELS[r.firstScore as 1 | 2 | 3 | 4 | 5],
        tags: r.tags,
        comment: r.comment,
        serviceName: r.serviceId ? (sName.get(r.serviceId) ?? null) : null,
        hallName: t.hallId ? (hName.get(t.hallId) ?? null) : null,
        ratedAt: r.createdAt.toISOString(),
      };
    });
  }

  async answer(caller: AuthUser, id: string, answer: string): Promise<StaffRectificationView> {
    const t = this.access.handled(caller, await this.tickets.findOne({ where: { id } }));
    const now = this.clock.now();
    const r = await this.ratings.findOneOrFail({ where: { id: t.ratingId } });
    // the answer and the rater's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(RectificationEntity).update({ id, status: 'open' }, { status: 'answered', answer, answeredBy: caller.id, answeredAt: now });
      if (!done.affected) throw new DomainError('INVALID_STATE', '该整改工单已答复');
      await this.notifications.send(
        {
          userId: r.userId,
          type: 'rectification_answered',
          title: '您的评价已收到整改答复',
          body: `针对您的“${RATING_LABELS[r.firstScore as 1 | 2 | 3 | 4 | 5]}”评价，答复如下：${answer} 您可以重新评价一次。`,
          link: LINKS.myRatings(),
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: 'rectification.answer', objectType: 'rectification', objectId: id });
    return (await this.staffList(caller, undefined, id))[0];
  }

  async stats(q: { hallId?: string; departmentId?: string; serviceId?: string; from?: string; to?: string }): Promise<SatisfactionStats> {
    const qb = this.ratings.createQueryBuilder('r').select('r.score', 'score');
    if (q.hallId) qb.andWhere('r.hall_id = :hallId', { hallId: q.hallId });
    if (q.departmentId) qb.andWhere('r.department_id = :departmentId', { departmentId: q.departmentId });
    if (q.serviceId) qb.andWhere('r.service_id = :serviceId', { serviceId: q.serviceId });
    if (q.from) qb.andWhere('r.created_at >= :from', { from: startOfDay(q.from) });
    if (q.to) qb.andWhere('r.created_at <= :to', { to: endOfDay(q.to) });
    const rows: Array<{ score: number | string }> = await qb.getRawMany();
    return satisfaction(rows.map((r) => Number(r.score)));
  }

  private ticketView(t: RectificationEntity): RectificationView {
    return {
      id: t.id,
      status: rectificationState(t, this.clock.now()),
      dueAt: t.dueAt.toISOString(),
      answer: t.answer,
      answeredAt: t.answeredAt?.toISOString() ?? null,
    };
  }
}
