import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Not, Repository } from 'typeorm';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { ClockService } from '../common/clock/clock.service';
import { deemedAccepted, LAW_PREREVIEW_DAYS, slaState } from './applications.rules';
import { ApplicationEntity } from './entities/application.entity';
import { CommitmentsService } from './commitments.service';
import { FilingKernel, SYSTEM_ACTOR } from './filing-kernel.service';

const DAY = 86_400_000;

/**
 * The `sla-scan` job. Idempotent conditional updates only, so any number of instances may run it
 * at once: the law's pre-review clock (a filing still waiting for pre-review with no correction
 * notice 5 working days after its submission counts as accepted from the day it was submitted,
 * 行政许可法 art. 32), then the SLA
 * state of every running filing, with one message when a filing becomes overdue.
 */
@Injectable()
export class ApplicationsJobs {
  constructor(
    @InjectRepository(ApplicationEntity) private readonly apps: Repository<ApplicationEntity>,
    private readonly kernel: FilingKernel,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
    private readonly commitments: CommitmentsService,
  ) {}

  /** The `commitment-scan` job (CommitmentsService.scan): breached 容缺 commitments marked and recorded. */
  commitmentScan(): Promise<{ breached: number; fulfilled: number }> {
    return this.commitments.scan();
  }

  /** Runs the scan once. Returns how many filings were deemed accepted, had their SLA state changed, and became overdue. Raises nothing of its own. */
  async slaScan(): Promise<{ deemedAccepted: number; marked: number; overdue: number }> {
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

    // 2. SLA states of running filings; a message once when one becomes overdue
    let marked = 0;
    let overdue = 0;
    const running = await this.apps.find({ where: { status: In(['accepted', 'under_review']), dueAt: Not(IsNull()) }, take: 5000 });
    for (const a of running) {
      const sla = slaState(a, now, cal.isWorkday);
      if (sla === a.sla) continue;
      const r = await this.apps
        .createQueryBuilder()
        .update(ApplicationEntity)
        .set({ sla })
        .where('id = :id AND status = :status AND (sla IS NULL OR sla <> :sla)', { id: a.id, status: a.status, sla })
        .execute();
      if (!r.affected) continue;
      marked++;
      if (sla === 'overdue') {
        overdue++;
        await this.kernel.tell(
          a,
          '办件已超期',
          `您的办件 ${a.number} 已超过承诺办结时限（${shanghaiDate(a.dueAt!)}）仍未办结，我们已督促承办部门尽快办理。如有疑问可拨打咨询或投诉电话。`,
          'overdue',
        );
      }
    }
    return { deemedAccepted: deemed, marked, overdue };
  }
}
