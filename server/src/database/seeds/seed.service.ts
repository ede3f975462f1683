import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { ClockService } from '../../common/clock/clock.service';
import { newId } from '../../common/ids';
import { DepartmentEntity } from '../../catalog/entities/department.entity';
import { HallEntity } from '../../catalog/entities/hall.entity';
import { UsersService } from '../../users/users.service';
import { SEED_DEPARTMENTS, SEED_HALLS } from './catalog.data';

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
    for (const [i, d] of SEED_DEPARTMENTS.entries()) {
      if (!(await depts.findOne({ where: { name: d.name } }))) {
        await depts.insert({ id: newId(), name: d.name, sortOrder: i, createdAt: now, updatedAt: now });
      }
    }
    const halls = this.ds.getRepository(HallEntity);
    const hallIds = new Map<string, string>();
    for (const [i, h] of SEED_HALLS.entries()) {
      let row = await halls.findOne({ where: { name: h.name } });
      if (!row) {
        row = halls.create({ id: newId(), name: h.name, address: h.address, phone: h.phone, hours: h.hours, level: h.level, sortOrder: i, createdAt: now, updatedAt: now });
        await halls.insert(row);
      }
      hallIds.set(h.key, row.id);
    }
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
}
