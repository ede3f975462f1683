import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { LINKS, type ConsultationStatus, type ConsultationView, type OnBehalfOf } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newPrincipalRow } from '../common/principal-row';
import { ConsultationEntity } from './entities/consultation.entity';
import { answerDeadline, isOverdue, questionExcerpt } from './consultations.rules';
import { competentHall } from './competent-hall';
import { HallRequestsService } from './hall-requests.base';

/**
 * 咨询 (API.md, One-thing bundles, guidance and consultation; DESIGN.md, Across halls and departments):
 * a question to a hall, answered within one working day (新郑 五(一)2⑴②); the staff member who answers
 * first is named on it (首问负责); open ones past their time go to the supervisor.
 */
@Injectable()
export class ConsultationsService extends HallRequestsService<ConsultationEntity, ConsultationView> {
  private readonly db = repositories(this.ds, { consultations: ConsultationEntity, services: ServiceEntity, halls: HallEntity });
  protected readonly requests = this.db.consultations;

  /**
   * A new question (POST /consultations), `open`, with `answerBy` (consultations.rules answerDeadline).
   * The hall asked: `hallId`, else the first hall handling the service, else the city centre. Raises
   * NOT_FOUND (service or hall unknown, or the service not handled at `hallId`), VALIDATION_FAILED
   * (`serviceId` missing when asking for someone else), AUTHORIZATION_INVALID / AUDIENCE_MISMATCH (acting for
   * someone else only: a person may ask about a service for companies).
   */
  async create(caller: AuthUser, input: { serviceId?: string; hallId?: string; question: string; onBehalfOf?: OnBehalfOf }): Promise<ConsultationView> {
    if (input.onBehalfOf && !input.serviceId) throw fieldError('serviceId', '代他人咨询时请选择所咨询的事项');
    // anyone may ask about any service: the audience and scope are checked only when asking for someone else
    const who = input.onBehalfOf && input.serviceId
      ? await this.acting.resolve(caller, input.onBehalfOf, input.serviceId)
      : { userId: caller.id, actorId: caller.id, enterpriseId: null };
    const hallId = await competentHall(this.ds, input.serviceId ?? null, input.hallId ?? null);
    const now = this.clock.now();
    const row = this.db.consultations.create({
      ...newPrincipalRow(who),
      serviceId: input.serviceId ?? null,
      hallId,
      question: input.question.trim(),
      status: 'open',
      answerBy: answerDeadline(now, (await this.calendar.view()).isWorkday),
      answer: null,
      guideServiceId: null,
      answeredBy: null,
      answererName: null,
      answeredAt: null,
      escalatedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    if (!row.question) throw fieldError('question', '请填写您要咨询的问题');
    await this.db.consultations.insert(row);
    return (await this.views([row]))[0];
  }

  /** One question the caller may see (theirs, or their hall's for staff), NOT_FOUND otherwise. */
  async get(caller: AuthUser, id: string): Promise<ConsultationView> {
    const c = this.access.visible(caller, await this.db.consultations.findOne({ where: { id } }));
    return (await this.views([c]))[0];
  }

  /** The hall's questions (all halls for an admin), oldest deadline first, at most 500. */
  staffList(caller: AuthUser, status?: ConsultationStatus): Promise<ConsultationView[]> {
    return this.hallList(caller, status ? { status } : {}, { answerBy: 'ASC' });
  }

  /** The supervisor's list (GET /staff/supervision/consultations): open questions past `answerBy`, of the hall (all for an admin). */
  overdue(caller: AuthUser): Promise<ConsultationView[]> {
    return this.hallList(caller, { status: 'open', answerBy: LessThan(this.clock.now()) }, { answerBy: 'ASC' });
  }

  /**
   * Staff answer an open question of their hall; the first answer stands and names its author
   * (首问负责), the applicant gets a message. A conditional update (`status = open`) makes two staff
   * answering at once give one answer. The answer may link a guide (`guideServiceId`: an active
   * service, shown to the applicant as 查看办事指南). Raises NOT_FOUND (another hall), INVALID_STATE
   * (answered already), VALIDATION_FAILED (`guideServiceId` not an active service).
   */
  async answer(caller: AuthUser, id: string, text: string, guideServiceId: string | null = null): Promise<ConsultationView> {
    const c = this.access.handled(caller, await this.db.consultations.findOne({ where: { id } }));
    const answer = text.trim();
    if (!answer) throw fieldError('answer', '请填写答复内容');
    if (guideServiceId && !(await this.db.services.exist({ where: { id: guideServiceId, active: true } }))) throw fieldError('guideServiceId', '所附的办事指南不存在或已下架');
    const staff = await this.users.requireById(caller.id);
    const name = staff.displayName ?? staff.username ?? '工作人员';
    const now = this.clock.now();
    // the answer and the applicant's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(ConsultationEntity).update({ id, status: 'open' }, { status: 'answered', answer, guideServiceId, answeredBy: caller.id, answererName: name, answeredAt: now, updatedAt: now });
      if (!done.affected) throw new DomainError('INVALID_STATE', '该咨询已有工作人员答复');
      await this.notifications.send(
        { userId: c.userId, type: 'consultation_answered', title: '您的咨询已答复', body: `您咨询的问题“${questionExcerpt(c.question)}”已由 ${name} 答复：${answer}`, link: LINKS.consultation(id) },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: 'consultation.answer', objectType: 'consultation', objectId: id });
    return this.get(caller, id);
  }

  protected async views(rows: ConsultationEntity[]): Promise<ConsultationView[]> {
    if (!rows.length) return [];
    const now = this.clock.now();
    const [s, h] = await Promise.all([
      namesById(this.db.services, rows.flatMap((r) => [r.serviceId, r.guideServiceId])),
      namesById(this.db.halls, rows.map((r) => r.hallId)),
    ]);
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      serviceId: r.serviceId,
      serviceName: r.serviceId ? (s.get(r.serviceId) ?? null) : null,
      hallId: r.hallId,
      hallName: h.get(r.hallId) ?? '',
      question: r.question,
      createdAt: r.createdAt.toISOString(),
      answerBy: r.answerBy.toISOString(),
      overdue: isOverdue(r, now),
      answer: r.answer,
      answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null,
      answeredBy: r.answererName,
      guide: r.guideServiceId ? { serviceId: r.guideServiceId, serviceName: s.get(r.guideServiceId) ?? '' } : null,
    }));
  }
}
