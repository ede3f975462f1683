import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In, IsNull } from 'typeorm';
import { AdminSlot, Slot } from '@gov/shared';
import { AppConfig } from '../config/app-config';
import { datesInRange, isValidDate, shanghaiDate } from '../calendar/calendar.rules';
import { CalendarService } from '../calendar/calendar.service';
import { ServiceHallEntity } from '../catalog/entities/service-hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ClockService } from '../common/clock/clock.service';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { insertIgnoringDuplicates } from '../common/db/bulk';
import { Transactions } from '../common/db/transactions';
import { bookingHorizon, PlannedSlot, planSlots } from './booking.rules';
import { SlotTemplateEntity } from './entities/slot-template.entity';
import { SlotEntity } from './entities/slot.entity';
import { repositories } from '../common/db/repositories';
import { namesById } from '../common/db/names';
import { freePlaces } from './admission.rules';

export const slotView = (s: SlotEntity): Slot => ({
  id: s.id,
  hallId: s.hallId,
  serviceId: s.serviceId,
  start: s.startAt.toISOString(),
  end: s.endAt.toISOString(),
  capacity: s.capacity,
  remaining: freePlaces(s),
});

export const adminSlotView = (s: SlotEntity, serviceName: string | null): AdminSlot => ({
  ...slotView(s),
  day: s.day,
  booked: s.booked,
  held: s.held,
  active: s.active,
  kind: s.kind,
  templateId: s.templateId,
  serviceName,
});

/** Most days one admin slot listing or generation covers. */
const MAX_LIST_DAYS = 31;
const MAX_GENERATE_DAYS = 92;

/** Slot templates, slot generation on working days, and the slots a service offers. */
@Injectable()
export class SlotsService {
  private readonly db = repositories(this.ds, {
    slots: SlotEntity, templates: SlotTemplateEntity, services: ServiceEntity, serviceHalls: ServiceHallEntity,
    halls: HallEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
  ) {}

  async requireHall(hallId: string): Promise<HallEntity> {
    const h = await this.db.halls.findOne({ where: { id: hallId } });
    if (!h) throw fieldError('hallId', '大厅不存在');
    return h;
  }

  async requireServiceAtHall(serviceId: string, hallId: string): Promise<ServiceEntity> {
    const s = await this.db.services.findOne({ where: { id: serviceId, active: true } });
    if (!s) throw fieldError('serviceId', '事项不存在');
    if (!(await this.db.serviceHalls.exist({ where: { serviceId, hallId } }))) throw fieldError('serviceId', '该大厅不办理此事项');
    return s;
  }

  async createTemplate(input: { hallId: string; serviceId?: string | null; weekday: number; start: string; end: string; capacity: number }) {
    await this.requireHall(input.hallId);
    if (input.serviceId) await this.requireServiceAtHall(input.serviceId, input.hallId);
    if (input.end <= input.start) throw fieldError('end', '结束时间须晚于开始时间');
    const now = this.clock.now();
    const t = this.db.templates.create({ id: newId(), hallId: input.hallId, serviceId: input.serviceId ?? null, weekday: input.weekday, start: input.start, end: input.end, capacity: input.capacity, active: true, createdAt: now, updatedAt: now });
    await this.db.templates.insert(t);
    return t;
  }

  listTemplates(hallId?: string) {
    return this.db.templates.find({ where: { active: true, ...(hallId ? { hallId } : {}) }, order: { weekday: 'ASC', start: 'ASC' } });
  }

  async removeTemplate(id: string): Promise<void> {
    const r = await this.db.templates.update({ id, active: true }, { active: false, updatedAt: this.clock.now() });
    if (!r.affected) throw new DomainError('NOT_FOUND');
  }

  /** Slots from the hall's templates for every working day in [from, to]; idempotent (one slot per template and day). */
  async generate(hallId: string, from: string, to: string): Promise<{ created: number; existing: number }> {
    await this.requireHall(hallId);
    if (to < from) throw fieldError('to', '结束日期不能早于开始日期');
    if (datesInRange(from, to).length > MAX_GENERATE_DAYS) throw fieldError('to', `一次最多生成 ${MAX_GENERATE_DAYS} 天`);
    const view = await this.calendar.view();
    const templates = await this.db.templates.find({ where: { hallId, active: true } });
    return this.insertPlanned(planSlots(templates, from, to, view.isWorkday));
  }

  /**
   * The booking horizon (today … today + BOOKING_HORIZON_DAYS, Asia/Shanghai) filled from the active
   * templates of every hall: what the `slot-generation` job and start-up run. Idempotent.
   */
  async fillHorizon(): Promise<{ created: number; existing: number; templates: number }> {
    const { from, to } = bookingHorizon(this.clock.now(), this.config.bookingHorizonDays);
    const [templates, view] = await Promise.all([this.db.templates.find({ where: { active: true } }), this.calendar.view()]);
    const r = await this.insertPlanned(planSlots(templates, from, to, view.isWorkday));
    return { ...r, templates: templates.length };
  }

  /**
   * Insert planned slots that do not exist yet: one read of the (template, day) keys already there,
   * then bulk inserts that skip any key another instance took meanwhile (uq_slots_template_day), in
   * one transaction (one write of the embedded SQLite file).
   */
  private async insertPlanned(plan: PlannedSlot[]): Promise<{ created: number; existing: number }> {
    if (plan.length === 0) return { created: 0, existing: 0 };
    const days = plan.map((p) => p.day).sort();
    const have = await this.db.slots.find({
      where: { templateId: In([...new Set(plan.map((p) => p.templateId))]), day: Between(days[0], days[days.length - 1]) },
      select: { templateId: true, day: true },
    });
    const taken = new Set(have.map((h) => `${h.templateId}|${h.day}`));
    const now = this.clock.now();
    const rows = plan
      .filter((p) => !taken.has(`${p.templateId}|${p.day}`))
      .sort((a, b) => (a.templateId < b.templateId ? -1 : a.templateId > b.templateId ? 1 : a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
      .map((p) => Object.assign(new SlotEntity(), { id: newId(), ...p, booked: 0, held: 0, kind: 'regular' as const, active: true, createdAt: now }));
    const created = rows.length ? await this.tx.run((em) => insertIgnoringDuplicates(em, SlotEntity, rows)) : 0;
    return { created, existing: plan.length - created };
  }

  /** Admin: a hall's slots of the days [from, to] (at most a month), closed ones included, with what is taken. */
  async listForAdmin(hallId: string, from: string, to: string): Promise<AdminSlot[]> {
    await this.requireHall(hallId);
    if (to < from) throw fieldError('to', '结束日期不能早于开始日期');
    if (datesInRange(from, to).length > MAX_LIST_DAYS) throw fieldError('to', `一次最多查看 ${MAX_LIST_DAYS} 天`);
    const rows = await this.db.slots.find({ where: { hallId, day: Between(from, to) }, order: { startAt: 'ASC' }, take: 5000 });
    const names = await namesById(this.db.services, rows.map((r) => r.serviceId));
    return rows.map((r) => adminSlotView(r, r.serviceId ? (names.get(r.serviceId) ?? '') : null));
  }

  /** Whether the hall handles the service (a hall-wide slot serves only those). */
  offersService(hallId: string, serviceId: string): Promise<boolean> {
    return this.db.serviceHalls.exist({ where: { serviceId, hallId } });
  }

  /** One slot on any day (special opening days, off-hours): bookable whatever the calendar says. */
  async createSingle(input: { hallId: string; serviceId?: string | null; start: Date; end: Date; capacity: number }): Promise<Slot> {
    await this.requireHall(input.hallId);
    if (input.serviceId) await this.requireServiceAtHall(input.serviceId, input.hallId);
    if (input.end.getTime() <= input.start.getTime()) throw fieldError('end', '结束时间须晚于开始时间');
    const s = this.db.slots.create({
      id: newId(),
      hallId: input.hallId,
      serviceId: input.serviceId ?? null,
      templateId: null,
      day: shanghaiDate(input.start),
      startAt: input.start,
      endAt: input.end,
      capacity: input.capacity,
      booked: 0,
      held: 0,
      kind: 'regular',
      active: true,
      createdAt: this.clock.now(),
    });
    await this.db.slots.insert(s);
    return slotView(s);
  }

  /** What a service offers at a hall: regular slots not yet started, within the booking horizon. */
  async forService(serviceId: string, hallId: string | undefined, from?: string, to?: string): Promise<Slot[]> {
    const service = await this.db.services.findOne({ where: { id: serviceId, active: true } });
    if (!service) throw new DomainError('NOT_FOUND');
    for (const [k, v] of [['from', from], ['to', to]] as const) if (v !== undefined && !isValidDate(v)) throw fieldError(k, '日期格式应为 YYYY-MM-DD');
    const now = this.clock.now();
    const { from: today, to: last } = bookingHorizon(now, this.config.bookingHorizonDays);
    const a = from && from > today ? from : today;
    const b = to && to < last ? to : last;
    if (b < a) return [];
    // only halls that handle the service: a hall-wide slot serves every service of its own hall
    const hallIds = (await this.db.serviceHalls.find({ where: { serviceId, ...(hallId ? { hallId } : {}) }, select: { hallId: true } })).map((h) => h.hallId);
    if (hallIds.length === 0) return [];
    const rows = await this.db.slots.find({
      where: [
        { hallId: In(hallIds), serviceId, kind: 'regular', active: true, day: Between(a, b) },
        { hallId: In(hallIds), serviceId: IsNull(), kind: 'regular', active: true, day: Between(a, b) },
      ],
      order: { startAt: 'ASC' },
      take: 2000,
    });
    const view = await this.calendar.view();
    return rows
      .filter((s) => s.startAt.getTime() > now.getTime() && (s.templateId === null || view.isWorkday(s.day)))
      .map(slotView);
  }
}
