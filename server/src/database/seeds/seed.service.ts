import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { isDuplicateKey } from '../../common/db-errors';
import { newId } from '../../common/ids';
import { DepartmentEntity } from '../../catalog/entities/department.entity';
import { HallEntity } from '../../catalog/entities/hall.entity';
import { ServiceHallEntity } from '../../catalog/entities/service-hall.entity';
import { ServiceMaterialEntity } from '../../catalog/entities/service-material.entity';
import { ServiceEntity } from '../../catalog/entities/service.entity';
import { UsersService } from '../../users/users.service';
import { Transactions } from '../transactions';
import { SEED_DEPARTMENTS, SEED_HALLS, SEED_SERVICES } from './catalog.data';

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

/** The demo staff account (documented in the README); only created with SEED_DEMO=1. */
export const DEMO_STAFF = { username: 'staff01', password: 'Staff@2026', name: '王窗口' } as const;

/**
 * Start-up data: the bootstrap admin (ADMIN_USERNAME/ADMIN_PASSWORD) and, with SEED_DEMO=1,
 * the demo catalogue, halls and staff. Idempotent: everything is looked up by its natural key first.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.bootstrapAdmin();
    if (this.config.seedDemo) await this.seedDemo();
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
      if (!row) {
        const fresh = halls.create({ id: newId(), name: h.name, address: h.address, phone: h.phone, hours: h.hours, level: h.level, latitude: h.latitude, longitude: h.longitude, sortOrder: i, createdAt: now, updatedAt: now });
        await tolerateDuplicate(() => halls.insert(fresh));
        row = await halls.findOne({ where: { name: h.name } });
      } else if (row.latitude === null && row.longitude === null) {
        // a hall seeded before halls had coordinates: place it (never over coordinates an admin set)
        await halls.update({ id: row.id, latitude: IsNull(), longitude: IsNull() }, { latitude: h.latitude, longitude: h.longitude });
      }
      if (row) hallIds.set(h.key, row.id);
    }
    await this.seedServices(deptIds, hallIds);
    if (!(await this.users.findByUsername(DEMO_STAFF.username))) {
      const cityHall = SEED_HALLS.find((h) => h.level === 'city')!;
      await this.users.createStaff({
        username: DEMO_STAFF.username,
        passwordHash: await bcrypt.hash(DEMO_STAFF.password, 10),
        role: 'staff',
        name: DEMO_STAFF.name,
        hallId: hallIds.get(cityHall.key) ?? null,
      });
    }
    this.logger.log('demo data ready');
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
