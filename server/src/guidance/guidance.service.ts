import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { GuidanceMaterial, GuidanceResult, GuidanceTopicSummary, GuidanceTopicView } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { BundlesService } from '../bundles/bundles.service';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { CertificatesService } from '../certificates/certificates.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { repositories } from '../common/db/repositories';
import { DomainError } from '../common/errors/domain-error';
import { GuidanceTopicEntity } from './entities/guidance-topic.entity';
import { answerProblems, guide } from './guidance.rules';

/** 智能导办 (API.md, One-thing bundles, guidance and consultation): topics as data, answers to a plan. */
@Injectable()
export class GuidanceService {
  private readonly db = repositories(this.ds, { topics: GuidanceTopicEntity, services: ServiceEntity, halls: HallEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly certificates: CertificatesService,
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
   * code no longer in the catalogue is left out), the bundle, the hall for the district answered, who
   * applies, and the personal checklist; for a signed-in caller, a material their 证照夹 covers (a
   * certificate of its type in effect, held as that kind of applicant) carries `coveredBy` (免提交).
   * Raises NOT_FOUND and VALIDATION_FAILED (`answers.<questionId>`: unanswered, or a value that is
   * not among the options).
   * `bundleId`: the topic's bundle, or the 一件事 bundle made of exactly these services when there is one (apply for it in one go).
   */
  async answer(id: string, answers: Record<string, unknown>, caller: AuthUser | null = null): Promise<GuidanceResult> {
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
    const hall = plan.hallId ? await this.db.halls.findOne({ where: { id: plan.hallId } }) : null;
    const materials = await this.covered(caller, plan.applicant, plan.materials);
    const bundleId = plan.bundleId ?? (await this.bundles.covering(services.map((x) => x.id)));
    return {
      services,
      ...(bundleId ? { bundleId } : {}),
      applicant: plan.applicant,
      hall: hall ? { id: hall.id, name: hall.name, address: hall.address } : null,
      materials,
    };
  }

  /** The checklist with 免提交 marked where the caller's 证照夹 covers a material (nothing for an anonymous caller). */
  private async covered(caller: AuthUser | null, kind: GuidanceResult['applicant'], materials: GuidanceMaterial[]): Promise<GuidanceMaterial[]> {
    const types = materials.flatMap((m) => (m.certificateType ? [m.certificateType] : []));
    if (!caller || !types.length) return materials;
    const held = await this.certificates.heldInEffect(caller, kind, types);
    return materials.map((m) => {
      const c = m.certificateType ? held.get(m.certificateType) : undefined;
      return c ? { ...m, coveredBy: { certificateId: c.id, type: c.type, number: c.number } } : m;
    });
  }

  private async topic(id: string): Promise<GuidanceTopicEntity> {
    const t = await this.db.topics.findOne({ where: { id, active: true } });
    if (!t) throw new DomainError('NOT_FOUND');
    return t;
  }
}
