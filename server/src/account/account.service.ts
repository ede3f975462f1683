import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not } from 'typeorm';
import { AccessPolicy } from '../access/access-policy.service';
import { ApplicationStatus, CloseAccountBlockers, TodoSummary } from '@gov/shared';
import { ApplicationMaterialEntity } from '../applications/entities/application-material.entity';
import { ApplicationEntity } from '../applications/entities/application.entity';
import { SmsCodeEntity } from '../auth/entities/sms-code.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { BookingEntity } from '../booking/entities/booking.entity';
import { WaitlistEntryEntity } from '../booking/entities/waitlist-entry.entity';
import { WaitlistService } from '../booking/waitlist.service';
import { CatalogService } from '../catalog/catalog.service';
import { AuditService } from '../common/audit/audit.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { DomainError } from '../common/errors/domain-error';
import { Transactions } from '../common/db/transactions';
import { AuthorizationEntity } from '../delegation/entities/authorization.entity';
import { EnterpriseMemberEntity } from '../enterprises/entities/enterprise-member.entity';
import { FileEntity } from '../files/entities/file.entity';
import { MessageEntity } from '../notifications/entities/message.entity';
import { SubscribeConsentEntity } from '../notifications/entities/subscribe-consent.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { OffhoursRequestEntity } from '../offhours/entities/offhours-request.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import {
  blocksAsSoleAdmin,
  closingBlockedMessage,
  FINAL_FILING_STATUSES,
  filingTodo,
  isClosingBlocked,
  OWED_STATES,
} from './account.rules';
import { repositories } from '../common/db/repositories';

/** At most this many filings on the to-do card (the list page has them all). */
const TODO_FILINGS = 20;

/**
 * 注销 (个人信息保护法 art. 47) and the home page's to-do summary.
 *
 * Closing an account, when nothing is open (see account.rules):
 * - erased from the user row: phone (cipher, keyed hash, last four digits), real name, ID number
 *   (cipher and hash), the time of verification, display name, WeChat openid and Alipay user id; the
 *   row stays as an empty tombstone (id, role, created/closed times, the consent record) because
 *   the filings, bookings and ratings that the law or the centre's statistics keep point at its id;
 *   the row is marked disabled, so no token of it works any more;
 * - revoked: every refresh token (and the guard refuses its access tokens at once), every
 *   authorisation the person gave or received, places in waiting lists;
 * - deleted: messages, subscription-message consents, pending SMS codes, company memberships;
 * - kept, as the law requires (档案法, 行政许可法: a filing and its materials are the administrative
 *   record): the filings, their materials, files, timelines and notices, and the bookings' history.
 *   A filing does not copy the applicant's name: the name and ID number that identified the
 *   applicant remain in the filing's uploaded materials (ID card copies, forms) and in the
 *   centre's own records, not in the account. Staff still read the filing; the applicant shows
 *   without a name or phone.
 * The same phone (or WeChat/Alipay account) signing in later gets a new, empty account.
 */
@Injectable()
export class AccountService {
  private readonly db = repositories(this.ds, {
    users: UserEntity, bookings: BookingEntity, apps: ApplicationEntity, materials: ApplicationMaterialEntity,
    files: FileEntity, offhours: OffhoursRequestEntity, members: EnterpriseMemberEntity,
    waitlistEntries: WaitlistEntryEntity,
  });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly waitlist: WaitlistService,
    private readonly notifications: NotificationsService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
    private readonly callers: CallerContextCache,
    private readonly catalog: CatalogService,
  ) {}

  /** What keeps this person's account open, counted. */
  async blockers(userId: string): Promise<CloseAccountBlockers> {
    const [bookings, applications, offhours, enterprises] = await Promise.all([
      this.db.bookings.count({ where: { userId, status: 'booked' } }),
      this.db.apps.count({ where: { userId, status: Not(In(FINAL_FILING_STATUSES as ApplicationStatus[])) } }),
      this.db.offhours.count({ where: { userId, status: 'pending' } }),
      this.soleAdminCompanies(userId),
    ]);
    return { bookings, applications, offhours, enterprises };
  }

  /** Companies of which this person is the only admin while others remain members. */
  private async soleAdminCompanies(userId: string): Promise<number> {
    const mine = await this.db.members.find({ where: { userId, role: 'admin' } });
    if (mine.length === 0) return 0;
    const all = await this.db.members.find({ where: { enterpriseId: In(mine.map((m) => m.enterpriseId)) }, select: { enterpriseId: true, role: true } });
    return mine.filter((m) => {
      const rows = all.filter((r) => r.enterpriseId === m.enterpriseId);
      return blocksAsSoleAdmin({ role: m.role, admins: rows.filter((r) => r.role === 'admin').length, members: rows.length });
    }).length;
  }

  /** 注销. Staff and admin accounts are the centre's: an admin manages them, not their holder. */
  async close(caller: AuthUser): Promise<void> {
    if (!caller.roles.includes('citizen')) throw new DomainError('FORBIDDEN', '工作人员账号由管理员管理，不能在此注销');
    const user = await this.db.users.findOne({ where: { id: caller.id } });
    if (!user || user.disabled) throw new DomainError('UNAUTHENTICATED');
    const open = await this.blockers(caller.id);
    if (isClosingBlocked(open)) throw new DomainError('INVALID_STATE', closingBlockedMessage(open), { ...open });

    // places in waiting lists go first, through the waitlist's own rule (a held place passes on)
    const places = await this.db.waitlistEntries.find({ where: { userId: caller.id, status: In(['waiting', 'offered']) } });
    for (const p of places) await this.waitlist.leave(caller, p.slotId).catch(() => undefined);

    const now = this.clock.now();
    const userId = caller.id;
    const done = await this.tx.run(async (em) => {
      const closed = await em.getRepository(UserEntity).update(
        { id: userId, disabled: false },
        {
          phoneEnc: null,
          phoneHash: null,
          phoneTail: null,
          wechatOpenid: null,
          alipayUserId: null,
          displayName: null,
          realName: null,
          idNumberEnc: null,
          idNumberHash: null,
          idType: null,
          verifiedAt: null,
          disabled: true,
          closedAt: now,
          updatedAt: now,
        },
      );
      if (!closed.affected) return null; // closed meanwhile by another request
      if (user.phoneHash) await em.getRepository(SmsCodeEntity).delete({ phoneHash: user.phoneHash });
      await em.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: now });
      const given = await em.getRepository(AuthorizationEntity).update({ principalType: 'person', principalId: userId, status: In(['active', 'pending']) }, { status: 'revoked', revokedAt: now, revokedBy: userId });
      const received = await em.getRepository(AuthorizationEntity).update({ agentUserId: userId, status: In(['active', 'pending']) }, { status: 'revoked', revokedAt: now, revokedBy: userId });
      const memberships = await em.getRepository(EnterpriseMemberEntity).delete({ userId });
      const messages = await em.getRepository(MessageEntity).delete({ userId });
      await em.getRepository(SubscribeConsentEntity).delete({ userId });
      const counts = {
        authorizationsRevoked: (given.affected ?? 0) + (received.affected ?? 0),
        membershipsRemoved: memberships.affected ?? 0,
        messagesDeleted: messages.affected ?? 0,
        waitlistLeft: places.length,
      };
      await this.audit.record({ actorId: userId, action: 'account.close', objectType: 'user', objectId: userId, data: counts }, em);
      return counts;
    });
    await this.callers.invalidate(userId); // its tokens stop working on every instance at once
    if (!done) throw new DomainError('UNAUTHENTICATED');
  }

  /** GET /me/todo: the next booking, filings waiting for the applicant, unread messages. */
  async todo(caller: AuthUser): Promise<TodoSummary> {
    const now = this.clock.now();
    const mine = (alias: string) => this.access.partyScope(alias, caller);
    const [next, waiting, unreadMessages] = await Promise.all([
      this.db.bookings
        .createQueryBuilder('b')
        .where(mine('b'))
        .andWhere('b.status = :booked', { booked: 'booked' })
        .andWhere('b.end_at > :now', { now })
        .orderBy('b.start_at', 'ASC')
        .getOne(),
      this.db.apps
        .createQueryBuilder('a')
        .where(mine('a'))
        .andWhere('a.status IN (:...st)', { st: ['correction_required', ...OWED_STATES] })
        .orderBy('a.updated_at', 'DESC')
        .take(100)
        .getMany(),
      this.notifications.unreadCount(caller.id),
    ]);

    const ids = waiting.map((a) => a.id);
    const [committed, files] = ids.length
      ? await Promise.all([
          this.db.materials.find({ where: { applicationId: In(ids), committedAt: Not(IsNull()) }, select: { applicationId: true, materialId: true } }),
          this.db.files.find({ where: { applicationId: In(ids) }, select: { applicationId: true, materialId: true } }),
        ])
      : [[], []];
    const filed = new Set(files.map((f) => `${f.applicationId}/${f.materialId}`));
    const todos = waiting
      .map((a) => ({
        a,
        action: filingTodo(
          a.status,
          committed.filter((m) => m.applicationId === a.id).map((m) => ({ fileCount: filed.has(`${a.id}/${m.materialId}`) ? 1 : 0 })),
          a.commitmentStatus,
        ),
      }))
      .filter((t) => t.action !== null)
      .slice(0, TODO_FILINGS);

    const serviceIds = [...new Set([...todos.map((t) => t.a.serviceId), ...(next ? [next.serviceId] : [])])];
    const [serviceName, hall] = await Promise.all([this.catalog.serviceNames(serviceIds), next ? this.catalog.hall(next.hallId) : null]);
    return {
      nextBooking: next
        ? { id: next.id, serviceName: serviceName.get(next.serviceId) ?? '', hallName: hall?.name ?? '', start: next.startAt.toISOString(), end: next.endAt.toISOString() }
        : null,
      filings: todos.map(({ a, action }) => ({ id: a.id, number: a.number, serviceName: serviceName.get(a.serviceId) ?? '', status: a.status, action: action! })),
      unreadMessages,
    };
  }
}
