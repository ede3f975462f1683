import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Repository } from 'typeorm';
import { shanghaiDate } from '@gov/shared';
import type { TicketStatus } from '@gov/shared';
import { ClockService } from '../common/clock/clock.service';
import { QueueTicketEntity } from './entities/queue-ticket.entity';
import { dayEndStatus, OPEN_TICKET_STATUSES } from './queue.rules';

/**
 * Scheduled work on the hall's queue. Idempotent conditional updates, so any number of API
 * instances may run it at the same moment.
 */
@Injectable()
export class QueueJobs {
  constructor(
    @InjectRepository(QueueTicketEntity) private readonly tickets: Repository<QueueTicketEntity>,
    private readonly clock: ClockService,
  ) {}

  /**
   * `queue-day-end`: tickets of a past Shanghai day still `waiting`, `called` or `serving` are ended
   * as queue.rules dayEndStatus says (`left`, `left`, `done`), so that yesterday's queue never shows
   * on a holder's ticket page as still waiting, nor in a list or count. Today's tickets are never
   * touched. One guarded update per open status (index on status and day). Answers `{ ended }`.
   */
  async dayEnd(): Promise<{ ended: number }> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const byTarget = new Map<TicketStatus, TicketStatus[]>();
    for (const s of OPEN_TICKET_STATUSES) {
      const to = dayEndStatus(s)!;
      byTarget.set(to, [...(byTarget.get(to) ?? []), s]);
    }
    let ended = 0;
    for (const [to, from] of byTarget) {
      const r = await this.tickets.update({ status: In(from), day: LessThan(today) }, { status: to, updatedAt: now });
      ended += r.affected ?? 0;
    }
    return { ended };
  }
}
