import { DomainError } from '../errors/domain-error';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTxError } from './db-errors';
import { MAX_TX_ATTEMPTS, retryDelayMs, shouldRetry } from './transactions.rules';

/**
 * Short transactions. On MySQL/MariaDB a deadlock or lock-wait timeout (1213, 1205; on a Galera
 * cluster also a certification conflict, which is reported as 1213) is retried from the start up
 * to MAX_TX_ATTEMPTS times with exponential backoff and jitter (transactions.rules.ts); on the
 * embedded SQLite (one connection, sql.js) transactions are queued so that two never interleave.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  static readonly MAX_ATTEMPTS = MAX_TX_ATTEMPTS;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** True on MySQL/MariaDB, false on the embedded SQLite. */
  get isMysql(): boolean {
    return this.ds.options.type === 'mysql';
  }

  /**
   * Run `work` in one transaction and return its result; rethrows its error. On MySQL a deadlock or
   * lock-wait timeout is retried; when all MAX_TX_ATTEMPTS tries lost, UNAVAILABLE (503, Retry-After).
   */
  async run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isMysql) {
      const next = this.sqliteQueue.then(
        () => this.ds.transaction(work),
        () => this.ds.transaction(work),
      );
      this.sqliteQueue = next.catch(() => undefined);
      return next;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ds.transaction(work);
      } catch (e) {
        const retryable = isRetryableTxError(e);
        if (!shouldRetry(retryable, attempt)) {
          // lost every round on a hot row (a Galera cluster at 8:00): the user is told to try again (503), not 500
          if (retryable) throw new DomainError('UNAVAILABLE', '当前办理的人较多，请稍后再试', { retryable: true });
          throw e;
        }
        this.logger.warn(`transaction retry ${attempt} after ${(e as Error).message}`);
        await this.pause(retryDelayMs(attempt, Math.random()));
      }
    }
  }

  /** The wait between tries (a seam for the unit test). */
  protected pause(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }
}
