import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { OutboxSignal } from './outbox.signal';
import { DrainResult, OutboxWorker } from './outbox.worker';

/** The BullMQ queue of the outbox (with REDIS_URL): each job is one drain of the due deliveries. */
export const OUTBOX_QUEUE = 'outbox';

/** The queue's key prefix in Redis: one per database, so that two deployments (or test runs) sharing a Redis never take each other's jobs. */
export function outboxQueuePrefix(config: AppConfig): string {
  const db = config.database.url ? (new URL(config.database.url).pathname.slice(1) || 'zwt') : 'sqlite';
  return `zwt:${db}`;
}

/** REDIS_URL (redis://[user:pass@]host:port[/db]) as BullMQ connection options. */
export function redisConnection(url: string): { host: string; port: number; username?: string; password?: string; db: number; maxRetriesPerRequest: null } {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: Number(u.pathname.slice(1) || 0),
    maxRetriesPerRequest: null,
  };
}

/**
 * With REDIS_URL: a committed delivery wakes the workers of every instance through the queue
 * (a `drain` job), and a job scheduler adds one every OUTBOX_POLL_MS for retries. Any instance's
 * worker may take a job; the database claims keep each row to one sender.
 */
@Injectable()
export class OutboxQueueProducer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectQueue(OUTBOX_QUEUE) private readonly queue: Queue,
    private readonly signal: OutboxSignal,
  ) {}

  onApplicationBootstrap(): void {
    this.signal.onKick(() => {
      this.queue.add('drain', {}, { removeOnComplete: true, removeOnFail: 100 }).catch((e: Error) => this.logger.warn(`outbox wake-up not queued: ${e.message}`));
    });
    // not awaited: an instance starts (and answers requests) while Redis is away; the rows wait in the database
    this.queue
      .upsertJobScheduler('outbox-poll', { every: this.config.outbox.pollMs }, { name: 'drain', opts: { removeOnComplete: true, removeOnFail: 100 } })
      .catch((e: Error) => this.logger.warn(`outbox poll not scheduled: ${e.message}`));
  }
}

/** Takes the queue's drain jobs (only in instances that run the worker: OUTBOX_WORKER). */
@Processor(OUTBOX_QUEUE)
export class OutboxQueueProcessor extends WorkerHost {
  constructor(private readonly outbox: OutboxWorker) {
    super();
  }

  process(): Promise<DrainResult> {
    return this.outbox.drain();
  }
}
