import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { BookingJobs } from '../booking/booking.jobs';
import { DomainError } from '../common/errors/domain-error';

export const JOB_NAMES = ['no-show-sweep', 'reminders'] as const;
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
    private readonly booking: BookingJobs,
  ) {}

  run(name: string): Promise<Record<string, number>> {
    switch (name as JobName) {
      case 'no-show-sweep':
        return this.booking.noShowSweep();
      case 'reminders':
        return this.booking.reminders();
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
          await this.run(name);
        } catch (e) {
          this.logger.warn(`job ${name} failed: ${(e as Error).message}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
