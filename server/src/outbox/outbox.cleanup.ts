import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { OutboxDeliveryEntity } from './outbox-delivery.entity';
import { PURGEABLE_STATUSES, retentionCutoff } from './outbox.rules';

/** Rows deleted at a time (one short statement each, so that the worker's claims never wait long). */
export const OUTBOX_CLEANUP_BATCH = 500;

/**
 * The `outbox-cleanup` job: deliveries settled (sent or skipped) more than OUTBOX_RETENTION_DAYS ago
 * are deleted, batch after batch; failed ones stay for inspection and pending ones are still to send.
 * Real time, like the worker's leases and retries. Idempotent: instances running it at once delete
 * each row once (a row another deleted first simply is not there). The jobs count what it deleted
 * (zwt_outbox_deleted_total).
 */
@Injectable()
export class OutboxCleanup {
  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectRepository(OutboxDeliveryEntity) private readonly deliveries: Repository<OutboxDeliveryEntity>,
  ) {}

  async run(): Promise<{ deleted: number }> {
    const cutoff = retentionCutoff(new Date(), this.config.outbox.retentionDays);
    let deleted = 0;
    for (;;) {
      const batch = await this.deliveries.find({
        select: { id: true },
        where: { status: In([...PURGEABLE_STATUSES]), doneAt: LessThan(cutoff) },
        order: { doneAt: 'ASC' },
        take: OUTBOX_CLEANUP_BATCH,
      });
      if (!batch.length) break;
      const r = await this.deliveries.delete({ id: In(batch.map((d) => d.id)), status: In([...PURGEABLE_STATUSES]) });
      const n = r.affected ?? 0;
      deleted += n;
      if (batch.length < OUTBOX_CLEANUP_BATCH) break;
    }
    return { deleted };
  }
}
