import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { HallPolicy, HallPolicyRequest } from '@gov/shared';
import { HallEntity } from './entities/hall.entity';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { DomainError, notFound } from '../common/errors/domain-error';
import { isId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { HallPolicyEntity } from './entities/hall-policy.entity';
import { defaultPolicy, policyProblems, sortWindows } from './hall-policy.rules';
import { repositories } from '../common/db/repositories';

const view = (r: HallPolicyEntity): HallPolicy => ({
  hallId: r.hallId,
  noShowGraceMinutes: r.noShowGraceMinutes,
  noShowContactRequired: r.noShowContactRequired,
  openingHours: sortWindows(r.openingHours),
  isDefault: false,
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * A hall's own rules (API.md, Admin: PUT /admin/halls/:id/policy): no-show grace, whether a failed
 * contact attempt must come first (罗山 预约办 四.2; 新郑 五(三)3 counts after 60 minutes without one),
 * and opening hours. Other features read a hall's policy through `get`/`getMany`.
 */
@Injectable()
export class HallPolicyService {
  private readonly db = repositories(this.ds, { policies: HallPolicyEntity, halls: HallEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
  ) {}

  /** The hall's policy, or the defaults (NO_SHOW_GRACE_MINUTES, no contact, Mon–Fri office windows) when it set none. Does not check that the hall exists. */
  async get(hallId: string): Promise<HallPolicy> {
    const row = isId(hallId) ? await this.db.policies.findOne({ where: { hallId } }) : null;
    return row ? view(row) : defaultPolicy(hallId, this.config.noShowGraceMinutes);
  }

  /** Policies of several halls at once, keyed by hall id (defaults for those without a row). */
  async getMany(hallIds: ReadonlyArray<string>): Promise<Map<string, HallPolicy>> {
    const ids = [...new Set(hallIds)].filter(isId);
    const rows = ids.length ? await this.db.policies.find({ where: { hallId: In(ids) } }) : [];
    const out = new Map<string, HallPolicy>(rows.map((r) => [r.hallId, view(r)]));
    for (const id of ids) if (!out.has(id)) out.set(id, defaultPolicy(id, this.config.noShowGraceMinutes));
    return out;
  }

  /** The policy of an existing hall, for the admin. NOT_FOUND when the hall does not exist. */
  async read(hallId: string): Promise<HallPolicy> {
    await this.requireHall(hallId);
    return this.get(hallId);
  }

  /**
   * Sets a hall's policy (whole replacement; audited as `hall.policy.update`). NOT_FOUND for an unknown
   * hall; VALIDATION_FAILED for grace outside 0..1440, a bad window, or overlapping windows of one weekday.
   * Applies to bookings whose grace is judged from now on (the sweep and staff actions read it each time).
   */
  async put(hallId: string, body: HallPolicyRequest, actorId: string): Promise<HallPolicy> {
    await this.requireHall(hallId);
    const problems = policyProblems(body);
    if (problems.length) throw new DomainError('VALIDATION_FAILED', problems[0].message, { fields: problems });
    const now = this.clock.now();
    const fields = { noShowGraceMinutes: body.noShowGraceMinutes, noShowContactRequired: body.noShowContactRequired, openingHours: sortWindows(body.openingHours), updatedAt: now };
    const existing = await this.db.policies.findOne({ where: { hallId } });
    if (existing) await this.db.policies.update({ hallId }, fields);
    else await this.db.policies.save(this.db.policies.create({ hallId, ...fields, createdAt: now }));
    await this.audit.record({ actorId, action: 'hall.policy.update', objectType: 'hall', objectId: hallId, data: { noShowGraceMinutes: fields.noShowGraceMinutes, noShowContactRequired: fields.noShowContactRequired, windows: fields.openingHours.length } });
    return this.get(hallId);
  }

  private async requireHall(hallId: string): Promise<void> {
    if (!isId(hallId) || !(await this.db.halls.exist({ where: { id: hallId } }))) throw notFound();
  }
}
