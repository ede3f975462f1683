import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { Repository } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { CatalogStateEntity } from './entities/catalog-state.entity';

/** How often an instance reads the shared version: another instance's write is seen at most this late. */
export const VERSION_CHECK_MS = 1000;
const ROW = 'catalog';

/**
 * The catalogue's version, shared by every API instance through the database (`catalog_state`):
 * admin catalogue writes bump it after they committed, and cached public answers built at an older
 * version are rebuilt. Each instance reads it at most once every VERSION_CHECK_MS (one small read a
 * second, whatever the traffic); its own bumps it sees at once.
 */
@Injectable()
export class CatalogVersionService {
  private known = 0;
  private checkedAt = -Infinity;
  private reading: Promise<number> | null = null;

  constructor(
    @InjectRepository(CatalogStateEntity) private readonly state: Repository<CatalogStateEntity>,
    private readonly clock: ClockService,
  ) {}

  /** The version as this instance last read it (no older than VERSION_CHECK_MS). */
  current(): Promise<number> | number {
    if (performance.now() - this.checkedAt < VERSION_CHECK_MS) return this.known;
    if (!this.reading) this.reading = this.read().finally(() => (this.reading = null));
    return this.reading;
  }

  /** The version without waiting: null when this instance's reading is older than VERSION_CHECK_MS (ask `current()`). */
  peek(): number | null {
    return performance.now() - this.checkedAt < VERSION_CHECK_MS ? this.known : null;
  }

  /** A catalogue write committed: one more version, seen here at once and elsewhere within VERSION_CHECK_MS. */
  async bump(): Promise<void> {
    const now = this.clock.now();
    const up = () => this.state.createQueryBuilder().update().set({ version: () => 'version + 1', changedAt: now }).where('name = :name', { name: ROW }).execute();
    if (!(await up()).affected) {
      try {
        await this.state.insert({ name: ROW, version: 1, changedAt: now });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await up();
      }
    }
    // a read that started before the bump must not have the last word
    if (this.reading) await this.reading.catch(() => undefined);
    await this.read();
  }

  private async read(): Promise<number> {
    const row = await this.state.findOne({ where: { name: ROW } });
    this.known = row?.version ?? 0;
    this.checkedAt = performance.now();
    return this.known;
  }
}
