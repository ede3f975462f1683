import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OutboxSignal } from './outbox.signal';
import { OutboxWorker } from './outbox.worker';

/**
 * The worker without Redis: in this process, on the database. Drains when woken (a delivery
 * committed) and every OUTBOX_POLL_MS for retries; one drain at a time, a wake-up during a drain
 * runs one more. Other instances may run theirs: the worker's claims keep each row to one sender.
 */
@Injectable()
export class OutboxRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly worker: OutboxWorker,
    private readonly signal: OutboxSignal,
  ) {}

  onApplicationBootstrap(): void {
    this.signal.onKick(() => this.kick());
    this.timer = setInterval(() => this.kick(), this.config.outbox.pollMs);
    this.timer.unref();
    this.kick(); // what an earlier run left behind
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
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

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.worker.drain();
      } catch (e) {
        this.logger.warn(`outbox drain failed: ${(e as Error).message}`);
      }
    } while (this.again && !this.stopped);
  }
}
