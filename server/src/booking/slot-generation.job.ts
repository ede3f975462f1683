import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { datesInRange } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { ClockService } from '../common/clock/clock.service';
import { bookingHorizon } from './booking.rules';
import { SlotTemplateEntity } from './entities/slot-template.entity';
import { SlotsService } from './slots.service';

export type SlotGenerationResult = {
  created: number;
  existing: number;
  templates: number;
  /** 1 when the scheduled run found nothing changed since this instance last filled the horizon */
  skipped: number;
};

/**
 * The `slot-generation` job: keeps the booking horizon filled from every hall's templates.
 * Idempotent across instances (one slot per template and day, inserts that skip taken keys).
 * The every-minute run does real work only when something it depends on changed since this
 * instance last filled the horizon: the Shanghai date (the horizon moved), the active templates
 * (their number and latest change) or the working days of the horizon (a calendar override);
 * otherwise it costs one small aggregate query. Start-up and POST /admin/jobs/slot-generation/run
 * always fill.
 */
@Injectable()
export class SlotGenerationJob {
  private lastFilled: string | null = null;

  constructor(
    @InjectRepository(SlotTemplateEntity) private readonly templates: Repository<SlotTemplateEntity>,
    private readonly config: AppConfig,
    private readonly slots: SlotsService,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
  ) {}

  async run(opts: { onlyIfChanged?: boolean } = {}): Promise<SlotGenerationResult> {
    const state = await this.state();
    if (opts.onlyIfChanged && state === this.lastFilled) return { created: 0, existing: 0, templates: 0, skipped: 1 };
    const r = await this.slots.fillHorizon();
    this.lastFilled = state;
    return { ...r, skipped: 0 };
  }

  /** What the horizon's slots depend on, in one string. */
  private async state(): Promise<string> {
    const { from, to } = bookingHorizon(this.clock.now(), this.config.bookingHorizonDays);
    const [agg, view] = await Promise.all([
      this.templates
        .createQueryBuilder('t')
        .select('COUNT(*)', 'n')
        .addSelect('MAX(t.updated_at)', 'changed')
        .where('t.active = :active', { active: true })
        .getRawOne<{ n: number | string; changed: Date | string | null }>(),
      this.calendar.view(),
    ]);
    const changed = agg?.changed ? new Date(agg.changed).getTime() : 0;
    const workdays = datesInRange(from, to)
      .map((d) => (view.isWorkday(d) ? '1' : '0'))
      .join('');
    return `${from}|${Number(agg?.n ?? 0)}|${changed}|${workdays}`;
  }
}
