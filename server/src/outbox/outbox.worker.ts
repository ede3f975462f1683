import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Transactions } from '../common/db/transactions';
import { newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { OutboxDeliveryEntity } from './outbox-delivery.entity';
import { OutboxChannels } from './outbox.channels';
import { DeliveryOutcome, nextAttemptAt } from './outbox.rules';

/** How long a claimed delivery is ours (longer than any one send, whose calls time out after 5 s). */
export const OUTBOX_LEASE_MS = 60_000;
/** Deliveries claimed at a time. */
const BATCH = 50;

/** What one drain did, by outcome (the `outbox` job's answer). */
export interface DrainResult {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  [k: string]: number;
}

/**
 * Delivers due outbox rows. Any number of instances may drain at once: a row is claimed by a
 * conditional update that sets a lease (on MariaDB the candidates are first locked with
 * SELECT … FOR UPDATE SKIP LOCKED, so that instances take disjoint batches), and only the
 * claimant records the outcome. Leases and retry times are real time, not the test clock.
 */
@Injectable()
export class OutboxWorker {
  private readonly logger = new Logger('Outbox');

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectRepository(OutboxDeliveryEntity) private readonly deliveries: Repository<OutboxDeliveryEntity>,
    private readonly channels: OutboxChannels,
    private readonly tx: Transactions,
  ) {}

  /**
   * Deliver every due row (batch after batch) and count the outcomes. `beforeClaim`, when given, is
   * awaited before each batch is claimed (the in-process runner gives way to a rush there).
   */
  async drain(beforeClaim?: () => Promise<boolean | void>): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, skipped: 0, retried: 0, failed: 0 };
    for (;;) {
      // false: stop here (the process is shutting down); what is left stays pending for the next drain
      if (beforeClaim && (await beforeClaim()) === false) return total;
      const claimed = await this.claim();
      if (!claimed.rows.length) return total;
      for (const d of claimed.rows) {
        const outcome = await this.channels.deliver(d);
        const kind = await this.record(d, claimed.owner, outcome);
        total[kind]++;
      }
    }
  }

  /** Claim up to BATCH due rows under a fresh lease owner. */
  private async claim(): Promise<{ owner: string; rows: OutboxDeliveryEntity[] }> {
    const owner = newId();
    const now = new Date();
    const due = "status = 'pending' AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until < :now)";
    const lease = { leaseOwner: owner, leaseUntil: new Date(now.getTime() + OUTBOX_LEASE_MS), attempts: () => 'attempts + 1' };
    await this.tx.run(async (em) => {
      const repo = em.getRepository(OutboxDeliveryEntity);
      let select = repo.createQueryBuilder().select('id', 'id').where(due, { now }).orderBy('next_attempt_at', 'ASC').limit(BATCH);
      if (this.tx.isMysql) select = select.setLock('pessimistic_write').setOnLocked('skip_locked');
      const ids = (await select.getRawMany<{ id: string }>()).map((r) => r.id);
      if (!ids.length) return;
      // the same conditions again: on SQLite (no row locks) two drains may have picked the same rows
      await repo.createQueryBuilder().update().set(lease).where(due, { now }).andWhere({ id: In(ids) }).execute();
    });
    const rows = await this.deliveries.find({ where: { leaseOwner: owner, status: 'pending' }, order: { nextAttemptAt: 'ASC' } });
    return { owner, rows };
  }

  /** Record an attempt's outcome, if the lease is still ours; answers how it counts. */
  private async record(d: OutboxDeliveryEntity, owner: string, o: DeliveryOutcome): Promise<keyof DrainResult & ('sent' | 'skipped' | 'retried' | 'failed')> {
    const now = new Date();
    let set: Partial<OutboxDeliveryEntity>;
    let kind: 'sent' | 'skipped' | 'retried' | 'failed';
    if (o.result === 'retry') {
      const next = nextAttemptAt(now, d.attempts, this.config.outbox.retryBaseMs, this.config.outbox.maxAttempts);
      kind = next ? 'retried' : 'failed';
      set = next ? { status: 'pending', nextAttemptAt: next } : { status: 'failed', doneAt: now };
      set.lastError = o.why.slice(0, 200);
    } else {
      kind = o.result;
      set = { status: o.result, doneAt: now, lastError: o.result === 'sent' ? null : o.why.slice(0, 200) };
    }
    if (kind === 'failed') this.logger.warn(`${d.channel} delivery ${d.id} (${d.event}) failed after ${d.attempts} attempt(s): ${set.lastError}`);
    await this.deliveries.update({ id: d.id, leaseOwner: owner }, { ...set, leaseOwner: null, leaseUntil: null });
    return kind;
  }
}
