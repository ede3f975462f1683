import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { shanghaiDate } from '@gov/shared';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { BookingEntity } from '../booking/entities/booking.entity';
import { DepartmentEntity } from '../catalog/entities/department.entity';
import { HallEntity } from '../catalog/entities/hall.entity';
import { ServiceEntity } from '../catalog/entities/service.entity';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { repositories } from '../common/db/repositories';
import { DomainError } from '../common/errors/domain-error';
import { FollowUpSampleEntity } from '../follow-ups/entities/follow-up-sample.entity';
import { OvertimeServiceEntity } from '../queue/entities/overtime-service.entity';
import { RatingEntity } from '../ratings/entities/rating.entity';
import { UserEntity } from '../users/entities/user.entity';
import {
  APPLICATION_HEADER,
  BOOKING_HEADER,
  EXPORT_PAGE_SIZE,
  SATISFACTION_HEADER,
  applicationRow,
  bookingRow,
  daysRange,
  mayUnmask,
  monthRange,
  personCells,
  satisfactionRow,
  shanghaiStamp,
} from './exports.rules';

/** An export ready to stream: its file name, and the writer that sends the workbook to `out` (and ends it). */
export interface PreparedExport {
  filename: string;
  write(out: Writable): Promise<void>;
}

type Scope = { hallId: string | null; unmasked: boolean };

/**
 * The hall office's spreadsheets (API.md Staff exports). Each export is checked (scope, unmasking)
 * before a byte is sent, then streamed: rows are read a page at a time by keyset and committed to an
 * exceljs WorkbookWriter on the response, so a busy hall's month never sits in memory.
 */
@Injectable()
export class ExportsService {
  private readonly db = repositories(this.ds, {
    bookings: BookingEntity,
    applications: ApplicationEntity,
    users: UserEntity,
    services: ServiceEntity,
    halls: HallEntity,
    departments: DepartmentEntity,
    ratings: RatingEntity,
    overtime: OvertimeServiceEntity,
    followUps: FollowUpSampleEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
    private readonly audit: AuditService,
    private readonly clock: ClockService,
  ) {}

  /**
   * The hall whose rows the caller may export (staff: their own; an admin: `hallId`, or every hall)
   * and whether numbers go out in full. FORBIDDEN: staff without a hall, or staff asking for unmasked.
   */
  private async scope(caller: AuthUser, q: { hallId?: string; unmasked?: boolean }, action: string, data: Record<string, unknown>): Promise<Scope> {
    const admin = caller.roles.includes('admin');
    if (q.unmasked && !admin) throw new DomainError('FORBIDDEN', '只有管理员可以导出完整号码');
    const hallId = admin ? (q.hallId ?? null) : caller.hallId;
    if (!admin && !hallId) throw new DomainError('FORBIDDEN', '账号未分配大厅，不能导出');
    const unmasked = mayUnmask(caller.roles, !!q.unmasked);
    await this.audit.record({ actorId: caller.id, action, objectType: 'export', objectId: hallId, data: { ...data, unmasked } });
    return { hallId, unmasked };
  }

  /** GET /staff/exports/bookings.xlsx?date=: the hall's bookings of a Shanghai day (today by default), by time. */
  async bookings(caller: AuthUser, q: { date?: string; hallId?: string; unmasked?: boolean }): Promise<PreparedExport> {
    const day = q.date ?? shanghaiDate(this.clock.now());
    const scope = await this.scope(caller, q, 'export.bookings', { date: day });
    return {
      filename: `bookings-${day}.xlsx`,
      write: (out) =>
        this.workbook(out, async (wb) => {
          const sheet = wb.addWorksheet('预约签到');
          sheet.addRow(BOOKING_HEADER).commit();
          const names = new Map<string, string>();
          const base = this.db.bookings.createQueryBuilder('b').where('b.day = :day', { day });
          if (scope.hallId) base.andWhere('b.hall_id = :hallId', { hallId: scope.hallId });
          for await (const page of keyset(base, 'b', 'startAt', 'start_at')) {
            const [people] = await Promise.all([this.people(page.map((b) => b.userId)), this.serviceNames(page.map((b) => b.serviceId), names)]);
            for (const b of page) {
              const p = people.get(b.userId);
              const person = personCells({ name: b.registeredName ?? p?.name ?? null, phone: p?.phone ?? null }, scope.unmasked);
              sheet.addRow(bookingRow(b, names.get(b.serviceId) ?? '', person)).commit();
            }
          }
          sheet.commit();
        }),
    };
  }

  /** GET /staff/exports/applications.xlsx?month=: the hall's filings (not drafts) made in a Shanghai month (YYYY-MM), oldest first. */
  async applications(caller: AuthUser, q: { month: string; hallId?: string; unmasked?: boolean }): Promise<PreparedExport> {
    const scope = await this.scope(caller, q, 'export.applications', { month: q.month });
    const { from, to } = monthRange(q.month);
    return {
      filename: `applications-${q.month}.xlsx`,
      write: (out) =>
        this.workbook(out, async (wb) => {
          const sheet = wb.addWorksheet('办件');
          sheet.addRow(APPLICATION_HEADER).commit();
          const names = new Map<string, string>();
          const base = this.db.applications
            .createQueryBuilder('a')
            .where('a.created_at >= :from AND a.created_at < :to', { from, to })
            .andWhere("a.status <> 'draft'"); // a draft is the applicant's own until submitted
          if (scope.hallId) base.andWhere('a.hall_id = :hallId', { hallId: scope.hallId });
          for await (const page of keyset(base, 'a', 'createdAt', 'created_at')) {
            const [people] = await Promise.all([this.people(page.map((a) => a.userId)), this.serviceNames(page.map((a) => a.serviceId), names)]);
            for (const a of page) {
              const person = personCells(people.get(a.userId) ?? { name: null, phone: null, idNumber: null }, scope.unmasked);
              sheet.addRow(applicationRow(a, names.get(a.serviceId) ?? '', person)).commit();
            }
          }
          sheet.commit();
        }),
    };
  }

  /**
   * GET /staff/exports/satisfaction.xlsx?from=&to=: 好差评 by hall and department with the rate (ratings
   * made in the Shanghai days from..to), then the 延时服务 records of those days and the 回访 records of
   * filings delivered in the months they touch. Holds no personal numbers.
   */
  async satisfaction(caller: AuthUser, q: { from: string; to: string; hallId?: string }): Promise<PreparedExport> {
    if (q.from > q.to) throw new DomainError('VALIDATION_FAILED', '开始日期不能晚于结束日期', { fields: { from: '开始日期不能晚于结束日期' } });
    const scope = await this.scope(caller, { hallId: q.hallId }, 'export.satisfaction', { from: q.from, to: q.to });
    const range = daysRange(q.from, q.to);
    return {
      filename: `satisfaction-${q.from}-${q.to}.xlsx`,
      write: (out) =>
        this.workbook(out, async (wb) => {
          const [halls, departments] = await Promise.all([this.db.halls.find({ select: { id: true, name: true } }), this.db.departments.find({ select: { id: true, name: true } })]);
          const hallName = new Map(halls.map((h) => [h.id, h.name]));
          const deptName = new Map(departments.map((d) => [d.id, d.name]));

          const stats = wb.addWorksheet('好差评统计');
          stats.addRow(SATISFACTION_HEADER).commit();
          const grouped = this.db.ratings
            .createQueryBuilder('r')
            .select('r.hall_id', 'hallId')
            .addSelect('r.department_id', 'departmentId')
            .addSelect('r.score', 'score')
            .addSelect('COUNT(*)', 'n')
            .where('r.created_at >= :from AND r.created_at < :to', range)
            .groupBy('r.hall_id')
            .addGroupBy('r.department_id')
            .addGroupBy('r.score')
            .orderBy('r.hall_id')
            .addOrderBy('r.department_id');
          if (scope.hallId) grouped.andWhere('r.hall_id = :hallId', { hallId: scope.hallId });
          const counts = new Map<string, { hallId: string | null; departmentId: string | null; byScore: Record<1 | 2 | 3 | 4 | 5, number> }>();
          for (const r of await grouped.getRawMany<{ hallId: string | null; departmentId: string | null; score: number | string; n: number | string }>()) {
            const key = `${r.hallId ?? ''}|${r.departmentId ?? ''}`;
            const entry = counts.get(key) ?? { hallId: r.hallId, departmentId: r.departmentId, byScore: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
            const score = Number(r.score);
            if (score >= 1 && score <= 5) entry.byScore[score as 1 | 2 | 3 | 4 | 5] += Number(r.n);
            counts.set(key, entry);
          }
          for (const c of counts.values()) {
            stats.addRow(satisfactionRow(c.hallId ? (hallName.get(c.hallId) ?? c.hallId) : '（未指定）', c.departmentId ? (deptName.get(c.departmentId) ?? c.departmentId) : '（未指定）', c.byScore)).commit();
          }
          stats.commit();

          const overtime = wb.addWorksheet('延时服务');
          overtime.addRow(['日期', '大厅', '闭厅时间', '办结时间', '超出分钟数']).commit();
          const ot = this.db.overtime.createQueryBuilder('o').where('o.day >= :from AND o.day <= :to', { from: q.from, to: q.to });
          if (scope.hallId) ot.andWhere('o.hall_id = :hallId', { hallId: scope.hallId });
          for await (const page of keyset(ot, 'o', 'finishedAt', 'finished_at')) {
            for (const o of page) overtime.addRow([o.day, hallName.get(o.hallId) ?? o.hallId, o.closingTime, shanghaiStamp(o.finishedAt), o.minutesPastClosing]).commit();
          }
          overtime.commit();

          const callbacks = wb.addWorksheet('回访记录');
          callbacks.addRow(['月份', '大厅', '办件编号', '重点项目', '状态', '是否接通', '是否满意', '回访时间', '备注']).commit();
          const fu = this.db.followUps.createQueryBuilder('f').where('f.month >= :from AND f.month <= :to', { from: q.from.slice(0, 7), to: q.to.slice(0, 7) });
          if (scope.hallId) fu.andWhere('f.hall_id = :hallId', { hallId: scope.hallId });
          const yesNo = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');
          for await (const page of keyset(fu, 'f', 'createdAt', 'created_at')) {
            const apps = await this.db.applications.find({ where: { id: In(page.map((f) => f.applicationId)) }, select: { id: true, number: true } });
            const number = new Map(apps.map((a) => [a.id, a.number]));
            for (const f of page) {
              callbacks
                .addRow([f.month, hallName.get(f.hallId) ?? f.hallId, number.get(f.applicationId) ?? '', f.keyProject ? '是' : '否', f.status === 'done' ? '已回访' : '待回访', yesNo(f.reached), yesNo(f.satisfied), shanghaiStamp(f.calledAt), f.note ?? ''])
                .commit();
            }
          }
          callbacks.commit();
        }),
    };
  }

  /** A streaming workbook on `out`: `fill` adds and commits the sheets; the workbook is then committed (ending `out`). */
  private async workbook(out: Writable, fill: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>): Promise<void> {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    wb.creator = '政务通';
    await fill(wb);
    await wb.commit();
  }

  /** Name, phone and ID number in clear of the given users (the caller masks): one query per page. */
  private async people(ids: string[]): Promise<Map<string, { name: string | null; phone: string | null; idNumber: string | null }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.db.users.find({ where: { id: In(unique) }, select: { id: true, realName: true, phoneEnc: true, idNumberEnc: true } });
    return new Map(
      users.map((u) => [
        u.id,
        { name: u.realName, phone: u.phoneEnc ? this.crypto.decrypt(u.phoneEnc) : null, idNumber: u.idNumberEnc ? this.crypto.decrypt(u.idNumberEnc) : null },
      ]),
    );
  }

  /** Fills `names` with the services of `ids` not yet in it (a hall has few services: the map stays small). */
  private async serviceNames(ids: string[], names: Map<string, string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !names.has(id));
    if (missing.length === 0) return;
    for (const s of await this.db.services.find({ where: { id: In(missing) }, select: { id: true, name: true } })) names.set(s.id, s.name);
  }
}

/**
 * The rows of `base` in pages of EXPORT_PAGE_SIZE, ordered by (`prop`, id) and fetched by keyset
 * (`column` > the last one seen, or equal with a greater id): each page is one indexed query, however
 * deep into the range.
 */
async function* keyset<T extends ObjectLiteral & { id: string }>(base: SelectQueryBuilder<T>, alias: string, prop: keyof T & string, column: string): AsyncGenerator<T[]> {
  let after: { at: unknown; id: string } | null = null;
  for (;;) {
    const qb = base.clone().orderBy(`${alias}.${column}`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').take(EXPORT_PAGE_SIZE);
    if (after) qb.andWhere(`(${alias}.${column} > :afterAt OR (${alias}.${column} = :afterAt AND ${alias}.id > :afterId))`, { afterAt: after.at, afterId: after.id });
    const page = await qb.getMany();
    if (page.length === 0) return;
    yield page;
    if (page.length < EXPORT_PAGE_SIZE) return;
    const last = page[page.length - 1];
    after = { at: last[prop], id: last.id };
  }
}
