import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { GuidanceResult, GuidanceTopicSummary, GuidanceTopicView } from '@gov/shared';
import { BundlesService } from '../bundles/bundles.service';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { repositories } from '../common/db/repositories';
import { DomainError } from '../common/errors/domain-error';
import { GuidanceTopicEntity } from './entities/guidance-topic.entity';
import { answerProblems, guide } from './guidance.rules';

/** 智能导办 (API.md, One-thing bundles, guidance and consultation): topics as data, answers to a plan. */
@Injectable()
export class GuidanceService {
  private readonly db = repositories(this.ds, { topics: GuidanceTopicEntity, services: ServiceEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly bundles: BundlesService,
  ) {}

  /** The active topics, in their order. */
  async list(): Promise<GuidanceTopicSummary[]> {
    const rows = await this.db.topics.find({ where: { active: true }, order: { sortOrder: 'ASC', title: 'ASC' } });
    return rows.map((t) => ({ id: t.id, title: t.title, summary: t.summary }));
  }

  /** One active topic with its questions (NOT_FOUND otherwise). */
  async get(id: string): Promise<GuidanceTopicView> {
    const t = await this.topic(id);
    return { id: t.id, title: t.title, summary: t.summary, questions: [...t.definition.questions] };
  }

  /**
   * The services to apply for (active catalogue services named by the topic's outcomes, in order; a
   * code no longer in the catalogue is left out) and the personal checklist. Raises NOT_FOUND and
   * VALIDATION_FAILED (`answers.<questionId>`: unanswered, or a value that is not among the options).
   * `bundleId`: the 一件事 bundle made of exactly these services, when there is one (apply for it in one go).
   */
  async answer(id: string, answers: Record<string, unknown>): Promise<GuidanceResult> {
    const t = await this.topic(id);
    const { missing, invalid } = answerProblems(t.definition, answers);
    if (missing.length || invalid.length) {
      const fields = [
        ...missing.map((q) => ({ field: `answers.${q}`, message: '请回答这个问题' })),
        ...invalid.map((q) => ({ field: `answers.${q}`, message: '请从选项中选择' })),
      ];
      throw new DomainError('VALIDATION_FAILED', missing.length ? '请回答全部问题' : '请从选项中选择', { fields });
    }
    const plan = guide(t.definition, answers as Record<string, string>);
    const rows = plan.serviceCodes.length
      ? await this.db.services.find({ where: { code: In(plan.serviceCodes), active: true }, select: { id: true, code: true, name: true } })
      : [];
    const byCode = new Map(rows.map((s) => [s.code, s]));
    const services = plan.serviceCodes.flatMap((c) => {
      const s = byCode.get(c);
      return s ? [{ id: s.id, name: s.name }] : [];
    });
    const bundleId = await this.bundles.covering(services.map((x) => x.id));
    return { services, ...(bundleId ? { bundleId } : {}), materials: plan.materials };
  }

  private async topic(id: string): Promise<GuidanceTopicEntity> {
    const t = await this.db.topics.findOne({ where: { id, active: true } });
    if (!t) throw new DomainError('NOT_FOUND');
    return t;
  }
}
