import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { performance } from 'node:perf_hooks';
import { DataSource, In, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { isDuplicateKey } from '../../common/db/db-errors';
import { newId, stableId } from '../../common/ids';
import { SlotTemplateEntity } from '../../booking/entities/slot-template.entity';
import { SlotGenerationJob } from '../../booking/slot-generation.job';
import { DepartmentEntity } from '../../catalog/entities/department.entity';
import { HallEntity } from '../../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../../catalog/entities/service-hall.entity';
import { ServiceMaterialEntity } from '../../catalog/entities/service-material.entity';
import { ServiceEntity } from '../../catalog/entities/service.entity';
import { UsersService } from '../../users/users.service';
import { insertIgnoringDuplicates } from '../../common/db/bulk';
import { Transactions } from '../../common/db/transactions';
import { demoSlotTemplates, SEED_DEPARTMENTS, SEED_HALLS, SEED_SERVICES } from './catalog.data';
import { seedHallPolicies } from './hall-policy.data';
import { seedQueueWindows } from './queue.data';
import { seedGuidanceTopics } from '../../guidance/guidance.topics.data';
import { seedBundles } from './bundles.data';
import { DEMO_STAFF_PASSWORD, demoStaff } from './staff.data';

/** Run an insert; when another instance inserted the same natural key first, carry on. True when this one inserted. */
async function tolerateDuplicate(fn: () => Promise<unknown>): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
}

/** The demo city hall's window clerk (documented in the README, with the other demo staff of demoStaff()); only created with SEED_DEMO=1. */
export const DEMO_STAFF = { username: 'staff01', password: DEMO_STAFF_PASSWORD, name: '王窗口' } as const;

/**
 * Start-up data: the bootstrap admin (ADMIN_USERNAME/ADMIN_PASSWORD) and, with SEED_DEMO=1,
 * the demo catalogue, halls, slot templates and staff; then the booking horizon is filled from
 * every hall's templates (the `slot-generation` job), so that the first start has bookable slots.
 * Idempotent: everything is looked up by its natural key (or a stable id) first.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly slotGeneration: SlotGenerationJob,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin();
    if (this.config.seedDemo) await this.seedDemo();
    await this.generateSlots();
  }

  /** Fill the booking horizon now; a failure is logged, and the scheduled job tries again. */
  private async generateSlots(): Promise<void> {
    const t0 = performance.now();
    try {
      const r = await this.slotGeneration.run();
      this.logger.log(`slots generated: ${r.created} new, ${r.existing} already there, from ${r.templates} templates, in ${Math.round(performance.now() - t0)} ms`);
    } catch (e) {
      this.logger.warn(`slot generation at start-up failed (the slot-generation job will retry): ${(e as Error).message}`);
    }
  }

  private async bootstrapAdmin(): Promise<void> {
    const { username, password } = this.config.admin;
    if (!username || !password) return;
    if (await this.users.findByUsername(username)) return;
    await this.users.createStaff({ username, passwordHash: await bcrypt.hash(password, 10), role: 'admin', name: '系统管理员', hallId: null });
    this.logger.log(`bootstrap admin "${username}" created`);
  }

  async seedDemo(): Promise<void> {
    const now = this.clock.now();
    const depts = this.ds.getRepository(DepartmentEntity);
    const deptIds = new Map<string, string>();
    for (const [i, d] of SEED_DEPARTMENTS.entries()) {
      let row = await depts.findOne({ where: { name: d.name } });
      if (!row) {
        await tolerateDuplicate(() => depts.insert({ id: newId(), name: d.name, sortOrder: i, createdAt: now, updatedAt: now }));
        row = await depts.findOne({ where: { name: d.name } });
      }
      if (row) deptIds.set(d.key, row.id);
    }
    const halls = this.ds.getRepository(HallEntity);
    const hallIds = new Map<string, string>();
    for (const [i, h] of SEED_HALLS.entries()) {
      let row = await halls.findOne({ where: { name: h.name } });
      // parents come first in SEED_HALLS: the chain town → county → city (同城通办)
      const parentHallId = h.parentKey ? (hallIds.get(h.parentKey) ?? null) : null;
      if (!row) {
        const fresh = halls.create({ id: newId(), name: h.name, address: h.address, phone: h.phone, hours: h.hours, level: h.level, parentHallId, latitude: h.latitude, longitude: h.longitude, sortOrder: i, createdAt: now, updatedAt: now });
        await tolerateDuplicate(() => halls.insert(fresh));
        row = await halls.findOne({ where: { name: h.name } });
      } else if (row.latitude === null && row.longitude === null) {
        // a hall seeded before halls had coordinates: place it (never over coordinates an admin set)
        await halls.update({ id: row.id, latitude: IsNull(), longitude: IsNull() }, { latitude: h.latitude, longitude: h.longitude });
      }
      if (row && row.parentHallId === null && parentHallId) {
        // a hall seeded before halls had parents: link it (never over a parent an admin set)
        await halls.update({ id: row.id, parentHallId: IsNull() }, { parentHallId });
      }
      if (row) hallIds.set(h.key, row.id);
    }
    await this.seedServices(deptIds, hallIds);
    await this.seedSlotTemplates(hallIds);
    await seedHallPolicies(this.ds, this.clock.now());
    await seedQueueWindows(this.ds, this.clock.now());
    await seedBundles(this.ds, this.clock.now());
    await seedGuidanceTopics(this.ds, this.clock.now(), hallIds);
    await this.seedStaff(deptIds, hallIds);
    this.logger.log('demo data ready');
  }

  /**
   * The demo staff of every hall (demoStaff: window clerk, supervisor, a reviewer per department),
   * each created once by username; one password hash for all of them.
   */
  private async seedStaff(deptIds: Map<string, string>, hallIds: Map<string, string>): Promise<void> {
    let hash: string | null = null;
    for (const p of demoStaff()) {
      if (await this.users.findByUsername(p.username)) continue;
      hash ??= await bcrypt.hash(DEMO_STAFF_PASSWORD, 10);
      try {
        await this.users.createStaff({
          username: p.username,
          passwordHash: hash,
          role: 'staff',
          name: p.name,
          hallId: hallIds.get(p.hallKey) ?? null,
          departmentId: p.departmentKey ? (deptIds.get(p.departmentKey) ?? null) : null,
          staffRoles: p.roles,
        });
      } catch (e) {
        // another instance seeded the same username first
        if ((e as { code?: string }).code !== 'CONFLICT') throw e;
      }
    }
  }

  /**
   * Each demo hall's weekly slot templates (catalog.data.ts, demoSlotTemplates), hall-wide so that
   * every service of the hall can be booked. Their ids are stable (hall, weekday, time): a second
   * instance seeding at the same moment, or a later start, inserts nothing new, and a template an
   * admin removed (kept inactive) is not brought back.
   */
  private async seedSlotTemplates(hallIds: Map<string, string>): Promise<void> {
    const now = this.clock.now();
    const rows: SlotTemplateEntity[] = [];
    for (const h of SEED_HALLS) {
      const hallId = hallIds.get(h.key);
      if (!hallId) continue;
      for (const t of demoSlotTemplates(h)) {
        rows.push(Object.assign(new SlotTemplateEntity(), { id: stableId(`demo-slot-template:${hallId}:${t.weekday}:${t.start}`), hallId, serviceId: null, ...t, active: true, createdAt: now, updatedAt: now }));
      }
    }
    const present = new Set((await this.ds.getRepository(SlotTemplateEntity).find({ where: { id: In(rows.map((r) => r.id)) }, select: { id: true } })).map((r) => r.id));
    const missing = rows.filter((r) => !present.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (missing.length === 0) return;
    const added = await this.tx.run((em) => insertIgnoringDuplicates(em, SlotTemplateEntity, missing));
    if (added) this.logger.log(`demo slot templates added: ${added}`);
  }

  /**
   * The demo services, by code: a code already present is left alone (an admin may have edited it).
   * Each service goes in with its materials and halls in one transaction; if another instance
   * seeds the same code at the same moment, the duplicate is caught and skipped (a deadlock between
   * the two is retried by `Transactions`, and the retry then finds the duplicate).
   */
  private async seedServices(deptIds: Map<string, string>, hallIds: Map<string, string>): Promise<void> {
    const services = this.ds.getRepository(ServiceEntity);
    const present = new Set((await services.find({ select: { code: true } })).map((s) => s.code));
    let added = 0;
    for (const s of SEED_SERVICES) {
      if (present.has(s.code)) continue;
      const departmentId = deptIds.get(s.departmentKey);
      if (!departmentId) {
        this.logger.warn(`demo service ${s.code}: unknown department "${s.departmentKey}", skipped`);
        continue;
      }
      const now = this.clock.now();
      const id = newId();
      const inserted = await tolerateDuplicate(() =>
        this.tx.run(async (m) => {
          await m.insert(ServiceEntity, {
            id,
            code: s.code,
            name: s.name,
            subItem: s.subItem ?? null,
            departmentId,
            scope: s.scope,
            acceptingBody: s.acceptingBody,
            decidingBody: s.decidingBody,
            conditions: s.conditions,
            process: s.process,
            basis: s.basis,
            legalDays: s.legalDays,
            promisedDays: s.promisedDays,
            feeFree: s.fee.free,
            feeAmount: s.fee.free ? null : s.fee.amountFen,
            feeBasis: s.fee.free ? null : s.fee.basis,
            delivery: s.delivery,
            consultPhone: s.consultPhone,
            complaintPhone: s.complaintPhone,
            audience: s.audience,
            category: s.category,
            keywords: s.keywords,
            onlinePrereview: s.onlinePrereview,
            keyProject: s.keyProject,
            certificateType: s.certificate?.type ?? null,
            certificateYears: s.certificate?.years ?? null,
            instant: s.instant,
            active: true,
            createdAt: now,
            updatedAt: now,
          });
          if (s.materials.length) {
            await m.insert(
              ServiceMaterialEntity,
              s.materials.map((mat, i) => ({
                id: newId(),
                serviceId: id,
                sortOrder: i,
                name: mat.name,
                required: mat.required,
                tolerable: mat.tolerable,
                copies: mat.copies,
                form: mat.form,
                note: mat.note ?? null,
                templateName: mat.hasTemplate ? mat.name : null,
                certificateType: mat.certificateType ?? null,
              })),
            );
          }
          const halls = [...new Set(s.hallKeys.map((k) => hallIds.get(k)).filter((h): h is string => !!h))];
          if (halls.length) await m.insert(ServiceHallEntity, halls.map((hallId) => ({ serviceId: id, hallId })));
        }),
      );
      if (inserted) added++;
    }
    if (added) this.logger.log(`demo services added: ${added}`);
  }
}
