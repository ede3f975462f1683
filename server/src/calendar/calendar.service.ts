import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { newId } from '../common/ids';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import {
  addWorkingDays,
  CalendarDayInfo,
  datesInRange,
  dueAt,
  IsWorkday,
  isNoticeInTime,
  lastWorkdayBefore,
  nextWorkday,
  Override,
  resolveDay,
  shanghaiDate,
  workdayOnOrAfter,
  workingDaysBetween,
} from './calendar.rules';
import { CalendarOverrideEntity } from './entities/calendar-override.entity';
import { OFFICIAL_SCHEDULE } from './official-calendar.data';
import { repositories } from '../common/db/repositories';

/** How long this instance trusts its copy of the overrides before reading them again. */
export const OVERRIDES_TTL_MS = 5_000;

/** A consistent view of the calendar at one moment: synchronous, for loops over many days. */
/** Told when an admin makes a date a non-working day (PUT /admin/calendar/:date `workday: false`). */
export type DayClosedListener = (e: { date: string; name: string | null; actorId: string | null }) => Promise<unknown>;

export interface CalendarView {
  isWorkday: IsWorkday;
  day(date: string): CalendarDayInfo;
}

/**
 * The one calendar that every rule about working days uses: the official schedule from the
 * `chinese-days` package, admin overrides (calendar_overrides) on top, weekends-only for years
 * neither knows. Overrides are cached for OVERRIDES_TTL_MS, reloaded at once after a write here, so
 * that several API instances agree within seconds.
 */
@Injectable()
export class CalendarService {
  private readonly logger = new Logger('Calendar');
  private overrides: ReadonlyMap<string, Override> = new Map();
  private loadedAt = -Infinity;
  private loading: Promise<void> | null = null;
  private everLoaded = false;
  private readonly dayClosedListeners: DayClosedListener[] = [];

  private readonly db = repositories(this.ds, { overrides: CalendarOverrideEntity, auditLogs: AuditLogEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: ClockService,
  ) {}

  /** The calendar with fresh overrides. */
  async view(): Promise<CalendarView> {
    await this.fresh();
    const overrides = this.overrides;
    const day = (date: string) => resolveDay(date, OFFICIAL_SCHEDULE, overrides);
    return { day, isWorkday: (date: string) => day(date).workday };
  }

  async day(date: string): Promise<CalendarDayInfo> {
    return (await this.view()).day(date);
  }

  async range(from: string, to: string): Promise<CalendarDayInfo[]> {
    const v = await this.view();
    return datesInRange(from, to).map(v.day);
  }

  async isWorkday(date: string): Promise<boolean> {
    return (await this.view()).isWorkday(date);
  }

  /** Today's date in Asia/Shanghai by the service clock. */
  today(): string {
    return shanghaiDate(this.clock.now());
  }

  async addWorkingDays(date: string, n: number): Promise<string> {
    return addWorkingDays(date, n, (await this.view()).isWorkday);
  }

  async nextWorkday(date: string): Promise<string> {
    return nextWorkday(date, (await this.view()).isWorkday);
  }

  async workdayOnOrAfter(date: string): Promise<string> {
    return workdayOnOrAfter(date, (await this.view()).isWorkday);
  }

  async lastWorkdayBefore(date: string): Promise<string> {
    return lastWorkdayBefore(date, (await this.view()).isWorkday);
  }

  async workingDaysBetween(from: string, to: string): Promise<number> {
    return workingDaysBetween(from, to, (await this.view()).isWorkday);
  }

  /** End of the n-th working day after the (Shanghai) day of `acceptedAt`. */
  async dueAt(acceptedAt: Date, workingDays: number): Promise<Date> {
    return dueAt(acceptedAt, workingDays, (await this.view()).isWorkday);
  }

  /** One working day's notice for something on `date`, judged at `at` (default: now). */
  async isNoticeInTime(date: string, at: Date = this.clock.now()): Promise<boolean> {
    return isNoticeInTime(at, date, (await this.view()).isWorkday);
  }

  /**
   * Features above the calendar (bookings) register here to act when a day is closed — the centre's
   * own failure: its bookings are cancelled by the centre (DESIGN.md, Appointments). Listeners must be
   * idempotent: they run on every `workday: false` write, after the override is stored and reloaded.
   */
  onDayClosed(listener: DayClosedListener): void {
    this.dayClosedListeners.push(listener);
  }

  /** Admin: set one date's workday flag and name over the official calendar (audited); closing a day tells the listeners (onDayClosed). */
  async setOverride(date: string, workday: boolean, name: string | null, actorId: string | null): Promise<CalendarDayInfo> {
    const now = this.clock.now();
    const existing = await this.db.overrides.findOne({ where: { date } });
    if (existing) {
      await this.db.overrides.update({ id: existing.id }, { workday, name, updatedAt: now });
    } else {
      try {
        await this.db.overrides.insert({ id: newId(), date, workday, name, createdAt: now, updatedAt: now });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await this.db.overrides.update({ date }, { workday, name, updatedAt: now });
      }
    }
    await this.db.auditLogs.save(this.db.auditLogs.create({
      id: newId(),
      actorId,
      action: 'calendar.override',
      objectType: 'calendar',
      objectId: null,
      reason: null,
      data: { date, workday, name },
      at: now,
    }));
    await this.reload();
    if (!workday) for (const l of this.dayClosedListeners) await l({ date, name, actorId });
    return this.day(date);
  }

  /** Admin: drop an override, returning the date to the official calendar. */
  async clearOverride(date: string, actorId: string | null): Promise<CalendarDayInfo> {
    const res = await this.db.overrides.delete({ date });
    if (res.affected) {
      await this.db.auditLogs.save(this.db.auditLogs.create({
        id: newId(),
        actorId,
        action: 'calendar.override.clear',
        objectType: 'calendar',
        objectId: null,
        reason: null,
        data: { date },
        at: this.clock.now(),
      }));
    }
    await this.reload();
    return this.day(date);
  }

  async listOverrides(): Promise<CalendarDayInfo[]> {
    const rows = await this.db.overrides.find({ order: { date: 'ASC' } });
    return rows.map((r) => ({ date: r.date, workday: r.workday, name: r.name }));
  }

  /** Forget the cached overrides (after a write, or in tests). */
  async reload(): Promise<void> {
    // a load that started before the write may not see it: let it finish, then read again
    if (this.loading) await this.loading.catch(() => undefined);
    this.loadedAt = -Infinity;
    await this.fresh();
  }

  private async fresh(): Promise<void> {
    // Cache age is measured on the monotonic clock: it is about this process, not about the domain's "now".
    if (performance.now() - this.loadedAt < OVERRIDES_TTL_MS) return;
    if (!this.loading) {
      this.loading = (async () => {
        try {
          const rows = await this.db.overrides.find();
          this.overrides = new Map(rows.map((r) => [r.date, { workday: r.workday, name: r.name }]));
          this.loadedAt = performance.now();
          this.everLoaded = true;
        } finally {
          this.loading = null;
        }
      })();
    }
    try {
      await this.loading;
    } catch (e) {
      // Keep answering from the last good copy if there is one; otherwise the caller sees the fault.
      if (!this.everLoaded) throw e;
      this.logger.warn(`could not reload calendar overrides: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
