import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminGuidanceTopic, GuidanceTopicInput } from '@gov/shared';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { repositories } from '../common/db/repositories';
import { DomainError } from '../common/errors/domain-error';
import { BundleEntity } from '../bundles/entities/bundle.entity';
import { newId } from '../common/ids';
import { GuidanceTopicEntity } from './entities/guidance-topic.entity';
import { topicProblems, type GuidanceDefinition, type TopicCatalogue } from './guidance.rules';

/**
 * Admins edit 智能导办 topics (GET/POST /admin/guidance, PUT/DELETE /admin/guidance/:id): a whole
 * topic at a time, checked against the catalogue (guidance.rules topicProblems) before it is stored;
 * every write is audited. Deleting 停用s the topic (it leaves GET /guidance; PUT with `active: true`
 * brings it back), so a seeded topic is not seeded again.
 */
@Injectable()
export class AdminGuidanceService {
  private readonly db = repositories(this.ds, { topics: GuidanceTopicEntity, services: ServiceEntity, halls: HallEntity, bundles: BundleEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
  ) {}

  /** Every topic (停用 ones too), in their order. */
  async list(): Promise<AdminGuidanceTopic[]> {
    const rows = await this.db.topics.find({ order: { sortOrder: 'ASC', title: 'ASC' } });
    return rows.map(view);
  }

  /** One topic, NOT_FOUND otherwise. */
  async get(id: string): Promise<AdminGuidanceTopic> {
    return view(await this.require(id));
  }

  /** A new topic (after the topic's last by default). Raises VALIDATION_FAILED (topicProblems). */
  async create(input: GuidanceTopicInput, actorId: string): Promise<AdminGuidanceTopic> {
    const definition = await this.checked(input);
    const now = this.clock.now();
    const last = await this.db.topics.findOne({ where: {}, order: { sortOrder: 'DESC' } });
    const row = this.db.topics.create({
      id: newId(),
      title: input.title.trim(),
      summary: input.summary.trim(),
      definition,
      sortOrder: input.sortOrder ?? (last ? last.sortOrder + 10 : 10),
      active: input.active ?? true,
      editedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.db.topics.insert(row);
    await this.audit.record({ actorId, action: 'guidance.create', objectType: 'guidance_topic', objectId: row.id, data: { title: row.title } });
    return view(row);
  }

  /** Replaces a topic whole. Raises NOT_FOUND, VALIDATION_FAILED (topicProblems). */
  async update(id: string, input: GuidanceTopicInput, actorId: string): Promise<AdminGuidanceTopic> {
    const row = await this.require(id);
    const definition = await this.checked(input);
    const now = this.clock.now();
    const changes = {
      title: input.title.trim(),
      summary: input.summary.trim(),
      definition,
      sortOrder: input.sortOrder ?? row.sortOrder,
      active: input.active ?? row.active,
      editedAt: now,
      updatedAt: now,
    };
    await this.db.topics.update({ id }, changes);
    await this.audit.record({ actorId, action: 'guidance.update', objectType: 'guidance_topic', objectId: id, data: { title: changes.title } });
    return view({ ...row, ...changes });
  }

  /** 停用: the topic leaves GET /guidance. Raises NOT_FOUND. */
  async remove(id: string, actorId: string): Promise<void> {
    await this.require(id);
    const now = this.clock.now();
    await this.db.topics.update({ id }, { active: false, editedAt: now, updatedAt: now });
    await this.audit.record({ actorId, action: 'guidance.deactivate', objectType: 'guidance_topic', objectId: id, data: {} });
  }

  /** The definition to store, or VALIDATION_FAILED naming each problem (the first one as the message). */
  private async checked(input: GuidanceTopicInput): Promise<GuidanceDefinition> {
    const definition: GuidanceDefinition = {
      applicant: input.applicant,
      questions: input.questions.map((q) => ({
        id: q.id,
        text: q.text.trim(),
        options: q.options.map((o) => ({ value: o.value, label: o.label.trim(), ...(o.applicant ? { applicant: o.applicant } : {}) })),
      })),
      outcomes: input.outcomes.map((o) => ({
        ...(o.when && Object.keys(o.when).length ? { when: o.when } : {}),
        ...(o.serviceCodes?.length ? { serviceCodes: o.serviceCodes } : {}),
        ...(o.bundleId ? { bundleId: o.bundleId } : {}),
        ...(o.hallId ? { hallId: o.hallId } : {}),
        ...(o.materials?.length
          ? { materials: o.materials.map((m) => ({ name: m.name.trim(), required: m.required, note: m.note.trim(), ...(m.certificateType ? { certificateType: m.certificateType } : {}) })) }
          : {}),
      })),
    };
    const fields = topicProblems(definition, await this.catalogue());
    if (fields.length) throw new DomainError('VALIDATION_FAILED', fields[0].message, { fields });
    return definition;
  }

  private async catalogue(): Promise<TopicCatalogue> {
    const [services, halls, bundles] = await Promise.all([
      this.db.services.find({ where: { active: true }, select: { code: true, name: true, audience: true } }),
      this.db.halls.find({ select: { id: true } }),
      this.db.bundles.find({ where: { active: true }, select: { id: true } }),
    ]);
    return {
      services: new Map(services.map((s) => [s.code, { name: s.name, audience: s.audience }])),
      hallIds: new Set(halls.map((h) => h.id)),
      bundleIds: new Set(bundles.map((b) => b.id)),
    };
  }

  private async require(id: string): Promise<GuidanceTopicEntity> {
    const row = await this.db.topics.findOne({ where: { id } });
    if (!row) throw new DomainError('NOT_FOUND', '未找到该导办主题');
    return row;
  }
}

function view(t: GuidanceTopicEntity): AdminGuidanceTopic {
  const d = t.definition;
  return {
    id: t.id,
    title: t.title,
    summary: t.summary,
    applicant: d.applicant ?? 'person',
    sortOrder: t.sortOrder,
    active: t.active,
    questions: d.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ ...o })) })),
    outcomes: d.outcomes.map((o) => ({
      ...(o.when ? { when: Object.fromEntries(Object.entries(o.when).map(([k, v]) => [k, typeof v === 'string' ? v : [...v]])) } : {}),
      ...(o.serviceCodes ? { serviceCodes: [...o.serviceCodes] } : {}),
      ...(o.bundleId ? { bundleId: o.bundleId } : {}),
      ...(o.hallId ? { hallId: o.hallId } : {}),
      ...(o.materials ? { materials: o.materials.map((m) => ({ ...m })) } : {}),
    })),
    updatedAt: t.updatedAt.toISOString(),
  };
}
