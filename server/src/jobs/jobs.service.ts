import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ApplicationsJobs } from '../applications/applications.jobs';
import { BookingJobs } from '../booking/booking.jobs';
import { SlotGenerationJob } from '../booking/slot-generation.job';
import { WaitlistService } from '../booking/waitlist.service';
import { DomainError } from '../common/errors/domain-error';
import { RatingInvitationsJob } from '../ratings/rating-invitations.job';
import { CallbacksService } from '../callbacks/callbacks.service';

export const JOB_NAMES = ['no-show-sweep', 'reminders', 'waitlist-offers', 'sla-scan', 'rating-invitations', 'callback-sampling', 'slot-generation'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * The scheduled jobs: run every minute in every instance (JOBS_ENABLED), and on demand through
 * POST /api/admin/jobs/:name/run. Each job is idempotent, so instances need no coordination.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly applications: ApplicationsJobs,
    private readonly booking: BookingJobs,
    private readonly waitlist: WaitlistService,
    private readonly ratingInvitations: RatingInvitationsJob,
    private readonly callbacks: CallbacksService,
    private readonly slotGeneration: SlotGenerationJob,
  ) {}

  /** `scheduled`: the every-minute run (a job may then skip work it knows is done). */
  run(name: string, scheduled = false): Promise<Record<string, number>> {
    switch (name as JobName) {
      case 'no-show-sweep':
        return this.booking.noShowSweep();
      case 'reminders':
        return this.booking.reminders();
      case 'waitlist-offers':
        return this.waitlist.sweep();
      case 'sla-scan':
        return this.applications.slaScan();
      case 'rating-invitations':
        return this.ratingInvitations.run();
      case 'callback-sampling':
        return this.callbacks.sample();
      case 'slot-generation':
        return this.slotGeneration.run({ onlyIfChanged: scheduled });
      default:
        throw new DomainError('NOT_FOUND', '没有这个任务');
    }
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const name of JOB_NAMES) {
        try {
          await this.run(name, true);
        } catch (e) {
          this.logger.warn(`job ${name} failed: ${(e as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
