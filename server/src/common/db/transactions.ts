import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { isRetryableTxError } from './db-errors';

/**
 * Short transactions. On MySQL a deadlock or lock-wait timeout is retried a bounded number of
 * times with jitter; on the embedded SQLite (one connection, sql.js) transactions are queued so
 * that two never interleave.
 */
@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');
  private sqliteQueue: Promise<unknown> = Promise.resolve();
  static readonly MAX_ATTEMPTS = 4;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** True on MySQL/MariaDB, false on the embedded SQLite. */
  get isMysql(): boolean {
    return this.ds.options.type === 'mysql';
  }

  /** Run `work` in one transaction and return its result; rethrows its error (after the bounded retries on MySQL). */
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
        if (!isRetryableTxError(e) || attempt >= Transactions.MAX_ATTEMPTS) throw e;
        this.logger.warn(`transaction retry ${attempt} after ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
      }
    }
  }
}
