import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import { CalendarService } from '../calendar/calendar.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { ActingService } from '../delegation/acting.service';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { hallScope, withApplicantNames } from './staff-lists';

/**
 * What the requests an applicant sends to a hall share (咨询, 帮办代办; DESIGN.md, Across halls and
 * departments): made by or for someone (the party: `userId`, `actorId`), handled by the staff of one
 * hall (`hallId`), listed to the applicant newest first and to staff with the applicant's masked name.
 * A subclass names its table (`requests`) and how its rows read (`views`).
 */
@Injectable()
export abstract class HallRequestsService<E extends { userId: string; hallId: string }, V> {
  constructor(
    @InjectDataSource() protected readonly ds: DataSource,
    protected readonly calendar: CalendarService,
    protected readonly clock: ClockService,
    protected readonly acting: ActingService,
    protected readonly users: UsersService,
    protected readonly access: AccessPolicy,
    protected readonly audit: AuditService,
    protected readonly notifications: NotificationsService,
    protected readonly tx: Transactions,
  ) {}

  /** The table of the requests. */
  protected abstract readonly requests: Repository<E>;

  /** The views of rows, in their order (names looked up in a few queries). */
  protected abstract views(rows: E[]): Promise<V[]>;

  /** The caller's requests (made by or for them), newest first, at most 200. */
  async list(caller: AuthUser): Promise<V[]> {
    const rows = await this.requests.createQueryBuilder('r').where(this.access.partyScope('r', caller)).orderBy('r.created_at', 'DESC').take(200).getMany();
    return this.views(rows);
  }

  /** A staff list: the requests of the caller's hall (every hall for an admin) matching `where`, in `order`, at most 500, with the applicant's masked name. */
  protected async hallList(caller: AuthUser, where: FindOptionsWhere<E>, order: FindOptionsOrder<E>): Promise<Array<V & { applicantName: string | null }>> {
    return this.staffViews(await this.requests.find({ where: { ...hallScope(caller), ...where } as FindOptionsWhere<E>, order, take: 500 }));
  }

  /** Views for staff: each with its applicant's masked real name. */
  protected async staffViews(rows: E[]): Promise<Array<V & { applicantName: string | null }>> {
    return withApplicantNames(this.users, rows, await this.views(rows));
  }
}
