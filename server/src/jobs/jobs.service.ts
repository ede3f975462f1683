import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ApplicationsJobs } from '../applications/applications.jobs';
import { BookingJobs } from '../booking/booking.jobs';
import { SlotGenerationJob } from '../booking/slot-generation.job';
import { WaitlistService } from '../booking/waitlist.service';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { DomainError } from '../common/errors/domain-error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';
import { OffhoursService } from '../offhours/offhours.service';
import { QueueJobs } from '../queue/queue.jobs';
import { SupervisionService } from '../supervision/supervision.service';
import { OutboxCleanup } from '../outbox/outbox.cleanup';
import { OutboxWorker } from '../outbox/outbox.worker';
import { RatingInvitationsJob } from '../ratings/rating-invitations.job';
import { EVERY_MINUTE_MS, everyMinute, JobResult, ScheduledJob } from './scheduled-job';

/**
 * The scheduled jobs (one ScheduledJob each): run by a timer in every instance (JOBS_ENABLED), and
 * on demand through POST /api/admin/jobs/:name/run. Each is idempotent, so instances need no
 * coordination.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly lastRun = new Map<string, number>();
  /** every job, in the order a scheduled run takes them (JOB_NAMES) */
  readonly jobs: readonly ScheduledJob[];

  constructor(
    private readonly config: AppConfig,
    applications: ApplicationsJobs,
    booking: BookingJobs,
    waitlist: WaitlistService,
    ratingInvitations: RatingInvitationsJob,
    followUps: FollowUpsService,
    slotGeneration: SlotGenerationJob,
    offhours: OffhoursService,
    queue: QueueJobs,
    supervision: SupervisionService,
    outbox: OutboxWorker,
    outboxCleanup: OutboxCleanup,
    @Optional() private readonly metrics?: MetricsService,
  ) {
    this.jobs = [
      everyMinute('no-show-sweep', () => booking.noShowSweep()),
      everyMinute('reminders', () => booking.reminders()),
      everyMinute('waitlist-offers', () => waitlist.sweep()),
      everyMinute('sla-scan', async () => ({ ...(await applications.slaScan()), ...(await supervision.scan()) })),
      everyMinute('rating-invitations', () => ratingInvitations.run()),
      everyMinute('callback-sampling', () => followUps.sample()),
      everyMinute('slot-generation', ({ scheduled }) => slotGeneration.run({ onlyIfChanged: scheduled })),
      everyMinute('offhours-expiry', () => offhours.expire()),
      everyMinute('queue-day-end', () => queue.dayEnd()),
      everyMinute('commitment-scan', () => applications.commitmentScan()),
      // 一件事: a department that does not answer in its time is deemed to agree (超时默认)
      everyMinute('deemed-agreement', () => applications.deemedAgreement()),
      // the outbox worker drains on its own (woken after each commit, and polling); this runs a drain now
      everyMinute('outbox', () => outbox.drain()),
      // settled deliveries past OUTBOX_RETENTION_DAYS; cheap when there is nothing to delete (one indexed read)
      everyMinute('outbox-cleanup', async () => {
        const r = await outboxCleanup.run();
        metrics?.outboxCleaned(r.deleted);
        return r;
      }),
    ];
  }

  /**
   * Run one job now by its name (`scheduled`: the timer's run). Returns what the job counts.
   * Throws NOT_FOUND for an unknown name, and whatever the job raises.
   */
  run(name: string, scheduled = false): Promise<JobResult> {
    const job = this.jobs.find((j) => j.name === name);
    if (!job) throw new DomainError('NOT_FOUND', '没有这个任务');
    return job.run({ scheduled }).then(
      (result) => {
        this.metrics?.jobRun(name, true);
        return result;
      },
      (e: unknown) => {
        this.metrics?.jobRun(name, false);
        throw e;
      },
    );
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), Math.min(EVERY_MINUTE_MS, ...this.jobs.map((j) => j.everyMs)));
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One timer tick: every job that is due, one after the other; a failing job is logged and the next one runs. */
  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const job of this.jobs) {
        const now = Date.now();
        if (now - (this.lastRun.get(job.name) ?? 0) < job.everyMs) continue;
        this.lastRun.set(job.name, now);
        try {
          await this.run(job.name, true);
        } catch (e) {
          this.logger.warn(`job ${job.name} failed: ${(e as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
