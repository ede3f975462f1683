import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Observable, ReplaySubject } from 'rxjs';
import { shanghaiDate } from '@gov/shared';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey, isRetryableTxError } from '../common/db/db-errors';
import { QueueHallStateEntity } from './entities/queue-hall-state.entity';
import { HallSnapshot, QueueViewsService } from './queue-views.service';

/** How often each instance reads the versions of the halls it streams. */
export const POLL_MS = 1000;
/** A snapshot is re-read at least this often even without a change (appointments fall due, estimates age). */
export const REFRESH_MS = 30_000;

interface Watched {
  subject: ReplaySubject<HallSnapshot>;
  refs: number;
  version: number | null;
  loadedAt: number;
}

/**
 * Live queue streams across instances that share only the database. Every change to a hall's queue
 * bumps `queue_hall_state.version` (after its transaction commits). Each instance runs one timer: once
 * a second it reads the versions of the halls it has subscribers for (one query for all of them), and
 * for each hall whose version moved it reads the hall's snapshot once and hands it to every subscriber
 * of that hall on this instance. So 500 open ticket streams of one hall cost one cheap read a second
 * plus one snapshot per change, not 500 queries.
 */
@Injectable()
export class QueueStreamsService implements OnModuleDestroy {
  private readonly logger = new Logger('QueueStreams');
  private readonly halls = new Map<string, Watched>();
  private timer: NodeJS.Timeout | null = null;
  private polling = false;

  constructor(
    @InjectRepository(QueueHallStateEntity) private readonly states: Repository<QueueHallStateEntity>,
    private readonly views: QueueViewsService,
    private readonly clock: ClockService,
  ) {}

  /** Records that the hall's queue changed (call after the change committed). Never throws: a failed bump only delays streams until the next refresh. */
  async bump(hallId: string): Promise<void> {
    try {
      const now = this.clock.now();
      const r = await this.states.createQueryBuilder().update().set({ version: () => 'version + 1', changedAt: now }).where('hall_id = :hallId', { hallId }).execute();
      if (r.affected) return;
      try {
        await this.states.insert({ hallId, version: 1, changedAt: now });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await this.states.createQueryBuilder().update().set({ version: () => 'version + 1', changedAt: now }).where('hall_id = :hallId', { hallId }).execute();
      }
    } catch (e) {
      // lost to a concurrent bump of the same row (a deadlock, or a certification conflict on a Galera
      // cluster): that bump committed, so the version moved all the same
      if (isRetryableTxError(e)) return;
      this.logger.warn(`queue version bump for hall ${hallId} failed: ${(e as Error).message}`);
    }
  }

  /**
   * The hall's snapshots of today: the current one at once, then one after each change (on any
   * instance, seen within POLL_MS) and at least every REFRESH_MS. Unsubscribing the last subscriber
   * of a hall stops polling it.
   */
  hall(hallId: string): Observable<HallSnapshot> {
    return new Observable<HallSnapshot>((sub) => {
      let w = this.halls.get(hallId);
      if (!w) {
        w = { subject: new ReplaySubject<HallSnapshot>(1), refs: 0, version: null, loadedAt: 0 };
        this.halls.set(hallId, w);
        void this.load(hallId, w);
      }
      w.refs++;
      this.ensureTimer();
      const inner = w.subject.subscribe(sub);
      return () => {
        inner.unsubscribe();
        const cur = this.halls.get(hallId);
        if (cur && --cur.refs <= 0) {
          cur.subject.complete();
          this.halls.delete(hallId);
        }
        if (this.halls.size === 0) this.stopTimer();
      };
    });
  }

  /** Halls streamed on this instance and their subscribers (for tests and metrics). */
  stats(): { halls: number; subscribers: number } {
    let subscribers = 0;
    for (const w of this.halls.values()) subscribers += w.refs;
    return { halls: this.halls.size, subscribers };
  }

  private async load(hallId: string, w: Watched): Promise<void> {
    try {
      if (w.version === null) w.version = (await this.states.findOne({ where: { hallId }, select: { hallId: true, version: true } }))?.version ?? 0;
      const snap = await this.views.snapshot(hallId, shanghaiDate(this.clock.now()));
      w.loadedAt = performance.now();
      if (this.halls.get(hallId) === w) w.subject.next(snap);
    } catch (e) {
      this.logger.warn(`queue snapshot of hall ${hallId} failed: ${(e as Error).message}`);
    }
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.poll(), POLL_MS);
    this.timer.unref?.();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async poll(): Promise<void> {
    if (this.polling || this.halls.size === 0) return;
    this.polling = true;
    try {
      const ids = [...this.halls.keys()];
      const rows = await this.states.find({ where: { hallId: In(ids) }, select: { hallId: true, version: true } });
      const versions = new Map(rows.map((r) => [r.hallId, r.version]));
      const due: Array<Promise<void>> = [];
      for (const id of ids) {
        const w = this.halls.get(id);
        if (!w) continue;
        const v = versions.get(id) ?? 0;
        const stale = performance.now() - w.loadedAt >= REFRESH_MS;
        if (w.version === null || (v === w.version && !stale)) continue;
        w.version = v;
        due.push(this.load(id, w));
      }
      await Promise.all(due);
    } catch (e) {
      this.logger.warn(`queue poll failed: ${(e as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  onModuleDestroy(): void {
    this.stopTimer();
    for (const w of this.halls.values()) w.subject.complete();
    this.halls.clear();
  }
}
