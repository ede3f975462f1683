import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OutboxSignal } from './outbox.signal';
import { performance, EventLoopUtilization } from 'node:perf_hooks';
import { mustGiveWay } from './outbox.rules';
import { OutboxWorker } from './outbox.worker';

/** How often the runner looks at how busy the process is, and waits between looks while it gives way. */
const BUSY_SAMPLE_MS = 200;

/**
 * The worker without Redis: in this process, on the database. Drains when woken (a delivery
 * committed) and every OUTBOX_POLL_MS for retries; one drain at a time, a wake-up during a drain
 * runs one more. Other instances may run theirs: the worker's claims keep each row to one sender.
 * It gives way to a rush (outbox.rules.ts `mustGiveWay`): while the process was busy serving
 * requests over the last moment, a drain waits before its batches, up to a bound for the drain.
 */
@Injectable()
export class OutboxRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private sampler: NodeJS.Timeout | null = null;
  /** the event loop's busy share over the last BUSY_SAMPLE_MS (0–1) */
  private busy = 0;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly worker: OutboxWorker,
    private readonly signal: OutboxSignal,
  ) {}

  onApplicationBootstrap(): void {
    this.signal.onKick(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.outbox.pollMs);
    this.timer.unref();
    let last: EventLoopUtilization = performance.eventLoopUtilization();
    this.sampler = setInterval(() => {
      const now = performance.eventLoopUtilization();
      this.busy = performance.eventLoopUtilization(now, last).utilization;
      last = now;
    }, BUSY_SAMPLE_MS);
    this.sampler.unref();
    this.kick(); // what an earlier run left behind
  }

  /**
   * Before the database closes (Nest's shutdown hooks close it after this one): no new drain, no
   * further batch in a drain under way, and that drain finished — none left racing a closed pool.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.sampler) clearInterval(this.sampler);
    await this.running;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => (this.running = null));
  }

  /**
   * A wait for the worker to call before each batch of one drain (false: the process is shutting down, stop): while the process is busy serving
   * requests it waits, up to the bound for the whole drain (after that the drain's batches go one
   * after another, so that a steady load cannot hold messages back more than that).
   */
  private giveWay(): () => Promise<boolean> {
    let waited = 0;
    return async () => {
      while (!this.stopped && mustGiveWay(this.utilization(), waited)) {
        const t = this.now();
        await this.pause(BUSY_SAMPLE_MS);
        waited += this.now() - t;
      }
      return !this.stopped; // shutting down: claim no further batch
    };
  }

  /** The event loop's busy share over the last moment, 0–1 (a seam for the unit test). */
  protected utilization(): number {
    return this.busy;
  }

  /** Milliseconds on a monotonic clock (a seam for the unit test). */
  protected now(): number {
    return performance.now();
  }

  /** A wait of `ms` (a seam for the unit test). */
  protected pause(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.worker.drain(this.giveWay());
      } catch (e) {
        this.logger.warn(`outbox drain failed: ${(e as Error).message}`);
      }
    } while (this.again && !this.stopped);
  }
}
