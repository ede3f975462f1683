import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { AccessPolicy } from '../access/access-policy.service';
import { StaffApplicationsService } from '../applications/staff-applications.service';
import { addDays, endOfDay, shanghaiDate, startOfDay } from '../calendar/calendar.rules';
import { CatalogService } from '../catalog/catalog.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { newId } from '../common/ids';
import { ApplicantsService } from '../users/applicants.service';
import { drawnForFollowUp, monthOf } from './follow-ups.rules';
import { FollowUpSampleEntity } from './entities/follow-up-sample.entity';
import type { CallbackView } from '@gov/shared';
export type { CallbackView } from '@gov/shared';

const firstOfMonth = (month: string) => `${month}-01`;
const lastOfMonth = (month: string) => addDays(`${monthOf(addDays(firstOfMonth(month), 31))}-01`, -1);

/** Monthly follow-up call-backs (回访): drawn from delivered filings, called by staff, outcome recorded. */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectRepository(FollowUpSampleEntity) private readonly samples: Repository<FollowUpSampleEntity>,
    private readonly config: AppConfig,
    private readonly access: AccessPolicy,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
    private readonly catalog: CatalogService,
    private readonly applicants: ApplicantsService,
    private readonly filings: StaffApplicationsService,
  ) {}

  /**
   * The callback-sampling job: draw this month's and last month's delivered filings (or `month`'s)
   * by drawnForFollowUp, at most once each (a unique key on the filing). Returns how many were
   * considered and how many newly drawn. Raises nothing of its own.
   */
  async sample(month?: string): Promise<{ considered: number; drawn: number }> {
    const today = shanghaiDate(this.clock.now());
    const months = month ? [month] : [monthOf(today), monthOf(addDays(firstOfMonth(monthOf(today)), -1))];
    let considered = 0;
    let drawn = 0;
    for (const m of months) {
      const delivered = await this.filings.deliveredBetween(startOfDay(firstOfMonth(m)), endOfDay(lastOfMonth(m)));
      if (delivered.length === 0) continue;
      const keyServices = await this.catalog.keyProjectIds(delivered.map((a) => a.serviceId));
      for (const a of delivered) {
        considered++;
        const key = keyServices.has(a.serviceId);
        if (!drawnForFollowUp(a.id, m, key ? this.config.followUps.keyProjectPercent : this.config.followUps.percent)) continue;
        try {
          await this.samples.insert({ id: newId(), applicationId: a.id, month: m, hallId: a.hallId, keyProject: key, status: 'pending', reached: null, satisfied: null, note: null, calledBy: null, calledAt: null, createdAt: this.clock.now() });
          drawn++;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    }
    return { considered, drawn };
  }

  /**
   * GET /staff/callbacks: the month's samples (`month` YYYY-MM, default this Asia/Shanghai month)
   * of the caller's hall (admins: all), key projects first, at most 1000; or just the one with
   * `onlyId`. Applicants' names and phones are masked. Raises nothing.
   */
  async list(caller: AuthUser, month?: string, onlyId?: string): Promise<CallbackView[]> {
    const m = month ?? monthOf(shanghaiDate(this.clock.now()));
    const rows = await this.samples.find({
      where: { month: m, ...(caller.roles.includes('admin') ? {} : { hallId: caller.hallId ?? '-' }), ...(onlyId ? { id: onlyId } : {}) },
      order: { keyProject: 'DESC', createdAt: 'ASC' },
      take: 1000,
    });
    if (rows.length === 0) return [];
    const apps = await this.filings.byIds(rows.map((r) => r.applicationId));
    const appOf = new Map(apps.map((a) => [a.id, a]));
    const [sName, people] = await Promise.all([
      this.catalog.serviceNames(apps.map((a) => a.serviceId)),
      this.applicants.views(apps.map((a) => ({ userId: a.userId, actorId: a.userId, enterpriseId: null }))),
    ]);
    const applicantOf = new Map(apps.map((a, i) => [a.id, people[i]]));
    return rows.map((r) => {
      const a = appOf.get(r.applicationId);
      const p = applicantOf.get(r.applicationId);
      return {
        id: r.id,
        applicationId: r.applicationId,
        number: a?.number ?? '',
        serviceName: a ? (sName.get(a.serviceId) ?? '') : '',
        keyProject: r.keyProject,
        month: r.month,
        deliveredAt: a?.deliveredAt?.toISOString() ?? null,
        status: r.status,
        reached: r.reached,
        satisfied: r.satisfied,
        note: r.note,
        applicant: { name: p?.name ?? null, phone: p?.phone ?? null },
      };
    });
  }

  /**
   * POST /staff/callbacks/:id/reveal-phone: the applicant's whole phone number (or null), to make
   * the call; shown only on request, and every reveal is audited. Throws NOT_FOUND for a sample
   * outside the caller's hall (admins: any).
   */
  async revealPhone(caller: AuthUser, id: string): Promise<{ phone: string | null }> {
    const s = this.access.handled(caller, await this.samples.findOne({ where: { id } }));
    const [a] = await this.filings.byIds([s.applicationId]);
    const { phone } = a ? await this.applicants.reveal(a.userId) : { phone: null };
    await this.audit.record({ actorId: caller.id, action: 'callback.reveal_phone', objectType: 'callback_sample', objectId: id });
    return { phone };
  }

  /**
   * POST /staff/callbacks/:id/outcome: the call's outcome (reached; satisfied only when reached;
   * a note), by whom and when, audited. Returns the sample's view. Throws NOT_FOUND for a sample
   * outside the caller's hall (admins: any).
   */
  async record(caller: AuthUser, id: string, outcome: { reached: boolean; satisfied?: boolean | null; note?: string }): Promise<CallbackView> {
    const s = this.access.handled(caller, await this.samples.findOne({ where: { id } }));
    await this.samples.update({ id }, { status: 'done', reached: outcome.reached, satisfied: outcome.reached ? (outcome.satisfied ?? null) : null, note: outcome.note ?? null, calledBy: caller.id, calledAt: this.clock.now() });
    await this.audit.record({ actorId: caller.id, action: 'callback.record', objectType: 'callback_sample', objectId: id });
    return (await this.list(caller, s.month, id))[0];
  }
}
