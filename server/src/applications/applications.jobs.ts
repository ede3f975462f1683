import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, LessThan, Not, Repository } from 'typeorm';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { LINKS } from '@gov/shared';
import { CatalogService } from '../catalog/catalog.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { OversightService } from '../oversight/oversight.service';
import { overdueFilingText } from '../oversight/oversight.rules';
import { deemedAccepted, LAW_PREREVIEW_DAYS, slaState } from './applications.rules';
import { ApplicationEntity } from './entities/application.entity';
import { CommitmentsService } from './commitments.service';
import { FilingKernel, SYSTEM_ACTOR } from './filing-kernel.service';
import { ForwardingService } from './forwarding.service';
import { StaffPartsService } from './staff-parts.service';

const DAY = 86_400_000;

/**
 * The `sla-scan` job. Idempotent conditional updates only, so any number of instances may run it
 * at once: the law's pre-review clock (a filing still waiting for pre-review with no correction
 * notice 5 working days after its submission counts as accepted from the day it was submitted,
 * 行政许可法 art. 32), then the SLA state of every running filing; a filing becoming due soon or
 * overdue is put before its department's reviewers and the hall's supervisors (督办), and an overdue
 * one's applicant is told what was done; a transfer between halls (同城通办) not received within its
 * working day goes to the supervisors of both halls (ForwardingService.scanLate).
 */
@Injectable()
export class ApplicationsJobs {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    private readonly kernel: FilingKernel,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
    private readonly oversight: OversightService,
    private readonly catalog: CatalogService,
    private readonly commitments: CommitmentsService,
    private readonly forwarding: ForwardingService,
    private readonly parts: StaffPartsService,
    private readonly tx: Transactions,
  ) {}

  /** The `deemed-agreement` job (StaffPartsService.deemedAgreement): 一件事 parts past their time undecided are deemed to agree (超时默认). */
  deemedAgreement(): Promise<{ deemed: number; combined: number }> {
    return this.parts.deemedAgreement();
  }

  /** The `commitment-scan` job (CommitmentsService.scan): breached 容缺 commitments marked and recorded. */
  commitmentScan(): Promise<{ breached: number; fulfilled: number }> {
    return this.commitments.scan();
  }

  /**
   * Runs the scan once. Returns how many filings were deemed accepted, had their SLA state changed,
   * and became overdue, and how many 督办 messages went to staff. Raises nothing of its own.
   */
  async slaScan(): Promise<{ deemedAccepted: number; marked: number; overdue: number; escalated: number; transfersLate: number }> {
    const now = this.clock.now();
    const cal = await this.calendar.view();

    // 1. the law's clock, only for filings waiting for pre-review (never for one waiting for the applicant's originals).
    //    5 working days are at least 5 calendar days: older submissions are the only candidates.
    let deemed = 0;
    const waiting = await this.apps.find({
      where: { status: 'submitted', submittedAt: LessThan(new Date(now.getTime() - LAW_PREREVIEW_DAYS * DAY)) },
      order: { submittedAt: 'ASC' },
      take: 500,
    });
    for (const a of waiting) {
      if (!a.submittedAt || !deemedAccepted(a.submittedAt, now, cal.isWorkday)) continue;
      const note = `提交后 ${LAW_PREREVIEW_DAYS} 个工作日内未出具补正告知，依据《中华人民共和国行政许可法》第三十二条，自提交之日（${shanghaiDate(a.submittedAt)}）起视为受理`;
      try {
        await this.kernel.accept(this.kernel.begin(a, 'deem_accept', 'system'), SYSTEM_ACTOR, a.submittedAt, note);
        deemed++;
      } catch (e) {
        // another instance (or staff) moved it first: nothing to do
        if ((e as { code?: string }).code !== 'INVALID_STATE') throw e;
      }
    }

    // 2. SLA states of running filings; 督办 when one becomes due soon or overdue (superviseLate)
    let marked = 0;
    let overdue = 0;
    let escalated = 0;
    const running = await this.apps.find({ where: { status: In(['accepted', 'under_review']), dueAt: Not(IsNull()) }, take: 5000 });
    for (const a of running) {
      const sla = slaState(a, now, cal.isWorkday);
      if (sla === a.sla) continue;
      // the new state and its 督办 messages in one transaction
      const told = await this.tx.run(async (em) => {
        const r = await em
          .createQueryBuilder()
          .update(ApplicationEntity)
          .set({ sla })
          .where('id = :id AND status = :status AND (sla IS NULL OR sla <> :sla)', { id: a.id, status: a.status, sla })
          .execute();
        if (!r.affected) return null;
        return sla === 'due_soon' || sla === 'overdue' ? this.superviseLate(em, a, sla) : 0;
      });
      if (told === null) continue;
      marked++;
      escalated += told;
      if (sla === 'overdue') overdue++;
    }
    // 3. 同城通办: transfers not received within their working day, before both halls' supervisors
    const transfersLate = await this.forwarding.scanLate();
    return { deemedAccepted: deemed, marked, overdue, escalated, transfersLate };
  }

  /**
   * 督办 of a filing that just became due soon or overdue: its department's reviewers and the hall's
   * supervisors get a message (once each); for an overdue one the applicant is told whom it was put
   * before — or, when the hall has nobody in those duties, only that it is recorded. Returns how
   * many staff were told.
   */
  private async superviseLate(em: EntityManager, a: ApplicationEntity, sla: 'due_soon' | 'overdue'): Promise<number> {
    const [dept, service] = await Promise.all([this.oversight.departmentOfService(a.serviceId), this.catalog.service(a.serviceId)]);
    const due = shanghaiDate(a.dueAt!);
    const what = `办件 ${a.number}（${service?.name ?? ''}）`;
    const e = await this.oversight.escalate({
      hallId: a.hallId,
      departmentId: dept.id,
      title: sla === 'overdue' ? '督办：办件已超期' : '督办：办件即将到期',
      body: sla === 'overdue' ? `${what}已超过承诺办结时限（${due}）仍未办结，请尽快审查决定。` : `${what}将于 ${due} 到期，请在期限内办结。`,
      link: LINKS.staffFiling(a.id),
      dedupeKey: `${sla}:${a.id}`,
    }, em);
    if (sla === 'overdue') await this.kernel.tell(a, '办件已超期', overdueFilingText(a.number, due, e), 'overdue', { em, to: a.status });
    return e.reviewers + e.supervisors;
  }
}
