import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { EnterpriseRole, isValidCreditCode, MeEnterprise, LINKS } from '@gov/shared';
import { AuthUser, CallerContext, CallerContextLoader } from '../common/auth/auth.decorators';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/db/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { requireVerified } from '../users/users.rules';
import { EnterpriseMemberEntity } from './entities/enterprise-member.entity';
import { EnterpriseEntity } from './entities/enterprise.entity';
import { CallerContextRow, callerContextsFrom, claimKey, enterpriseRefusal, initialStatus, registrationConflict } from './enterprises.rules';
import { KeyedBatcher, Outcome, succeeded } from '../common/concurrency/batching.rules';
import type { EnterpriseView, EnterpriseDetail } from '@gov/shared';
import { repositories } from '../common/db/repositories';
export type { EnterpriseView, EnterpriseDetail } from '@gov/shared';

const view = (e: EnterpriseEntity, role: EnterpriseRole): EnterpriseView => ({
  id: e.id,
  name: e.name,
  creditCode: e.creditCode,
  legalRepName: e.legalRepName,
  role,
  status: e.status,
  reviewNote: e.reviewNote,
  reviewedAt: e.reviewedAt?.toISOString() ?? null,
});

/** Most callers whose contexts are loaded in one query. */
const CONTEXT_LOAD_MAX = 200;

/**
 * Companies (法人) and their members: the creator is admin; admins add and remove members by phone.
 * A company is verified or pending from the start (rules in enterprises.rules.ts); only a verified
 * one acts, and its members' lists stay readable whatever its status.
 */
@Injectable()
export class EnterprisesService implements CallerContextLoader {
  private readonly db = repositories(this.ds, {
    enterprises: EnterpriseEntity, members: EnterpriseMemberEntity, userRows: UserEntity,
  });

  private readonly contextLoads = new KeyedBatcher<string, CallerContext | null>((_, ids) => this.callerContextsOf(ids), CONTEXT_LOAD_MAX);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    /** only for callerContext's one-query join of account and memberships (the auth guard's hot path) */
    private readonly users: UsersService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly callers: CallerContextCache,
  ) {}

  async enterpriseIds(userId: string): Promise<string[]> {
    return (await this.db.members.find({ where: { userId }, select: { enterpriseId: true } })).map((m) => m.enterpriseId);
  }

  /**
   * The caller's companies and verified state (one query, shared with the callers asked for at the
   * same time), or null when the account is closed or unknown. The auth guard keeps it in CallerContextCache: every write that changes it calls
   * `cache.invalidate(userId)` after committing.
   */
  callerContext(userId: string): Promise<CallerContext | null> {
    // the callers whose contexts are asked for while a load is under way are loaded together next
    // (when slots open, thousands of callers the cache has not seen arrive within a second)
    return this.contextLoads.submit('callers', userId);
  }

  /** One query for many callers: their accounts joined with their memberships; one outcome per id, in order. */
  private async callerContextsOf(ids: string[]): Promise<Array<Outcome<CallerContext | null>>> {
    const rows = await this.db.userRows
      .createQueryBuilder('u')
      .leftJoin(EnterpriseMemberEntity, 'm', 'm.user_id = u.id')
      .select('u.id', 'userId')
      .addSelect('u.disabled', 'disabled')
      .addSelect('u.verified_at', 'verifiedAt')
      .addSelect('m.enterprise_id', 'enterpriseId')
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] })
      .getRawMany<CallerContextRow>();
    const contexts = callerContextsFrom(rows);
    return ids.map((id) => succeeded(contexts.get(id) ?? null));
  }

  async membershipsOf(userId: string): Promise<MeEnterprise[]> {
    const rows = await this.db.members.find({ where: { userId } });
    if (rows.length === 0) return [];
    const es = await this.db.enterprises.find({ where: { id: In(rows.map((r) => r.enterpriseId)) } });
    const byId = new Map(es.map((e) => [e.id, e]));
    return rows
      .filter((r) => byId.has(r.enterpriseId))
      .map((r) => ({ id: r.enterpriseId, name: byId.get(r.enterpriseId)!.name, role: r.role, status: byId.get(r.enterpriseId)!.status }));
  }

  roleOf(userId: string, enterpriseId: string): Promise<EnterpriseRole | null> {
    return this.db.members.findOne({ where: { userId, enterpriseId } }).then((m) => m?.role ?? null);
  }

  /**
   * Refuses (403 FORBIDDEN, `details.reason` enterprise_pending / enterprise_rejected) to let a company
   * act until the hall has verified it. Every door that takes `onBehalfOf: { type: 'enterprise' }`
   * comes here through ActingService, and so does giving an authorisation in a company's name.
   */
  async assertMayAct(enterpriseId: string): Promise<void> {
    const e = await this.db.enterprises.findOne({ where: { id: enterpriseId }, select: { id: true, status: true } });
    if (!e) throw new DomainError('NOT_FOUND');
    const refused = enterpriseRefusal(e.status);
    if (refused) throw new DomainError('FORBIDDEN', refused.message, { reason: refused.reason, enterpriseId });
  }

  /**
   * Registers a company with the caller as its admin: `verified` at once when the caller's verified
   * real name is the legal representative's, else `pending` for the hall to verify. A code that has
   * a verified company is refused (409 CONFLICT), and so is a second claim by the same person while
   * theirs is pending; other people's pending claims do not block a registration, and the legal
   * representative's registration wins over them (they are rejected, their creators told).
   */
  async create(caller: AuthUser, input: { name: string; creditCode: string; legalRepName: string }): Promise<EnterpriseView> {
    const code = input.creditCode.trim().toUpperCase();
    if (!isValidCreditCode(code)) throw new DomainError('INVALID_CREDIT_CODE', '统一社会信用代码校验不通过，请核对营业执照上的代码');
    const me = await this.users.requireById(caller.id);
    requireVerified(me, '登记企业');
    const conflict = registrationConflict(await this.db.enterprises.find({ where: { creditCode: code }, select: { id: true, status: true, createdBy: true } }), caller.id);
    if (conflict) throw new DomainError('CONFLICT', conflict);
    const status = initialStatus({ realName: me.realName, verified: true }, input.legalRepName);
    const now = this.clock.now();
    const e = this.db.enterprises.create({
      id: newId(),
      name: input.name.trim(),
      creditCode: code,
      legalRepName: input.legalRepName.trim(),
      status,
      claimKey: claimKey(status, code, caller.id),
      reviewedBy: null,
      reviewedAt: null,
      reviewNote: null,
      createdBy: caller.id,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.tx.run(async (em) => {
        await em.getRepository(EnterpriseEntity).insert(e);
        await em.getRepository(EnterpriseMemberEntity).insert({ enterpriseId: e.id, userId: caller.id, role: 'admin', addedBy: caller.id, createdAt: now });
        await this.audit.record({ actorId: caller.id, action: 'enterprise.create', objectType: 'enterprise', objectId: e.id, data: { status } }, em);
      });
    } catch (err) {
      // a concurrent registration took the verified key, or this person's pending one
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', registrationConflict([{ status, createdBy: caller.id }], caller.id) ?? undefined);
      throw err;
    }
    await this.callers.invalidate(caller.id);
    if (status === 'verified') await this.rejectRivalClaims(e, caller.id, '该企业已由其法定代表人本人登记');
    return view(e, 'admin');
  }

  /**
   * Once a company is verified, every other pending claim of its credit code is rejected, audited,
   * and its creator told why: each rejection and its message in one transaction.
   */
  async rejectRivalClaims(verified: EnterpriseEntity, actorId: string, note: string): Promise<void> {
    const rivals = await this.db.enterprises.find({ where: { creditCode: verified.creditCode, status: 'pending', id: Not(verified.id) } });
    const now = this.clock.now();
    for (const r of rivals) {
      const done = await this.tx.run(async (em: EntityManager) => {
        const rejected = await em.getRepository(EnterpriseEntity).update(
          { id: r.id, status: 'pending' },
          { status: 'rejected', claimKey: null, reviewedBy: actorId, reviewedAt: now, reviewNote: note, updatedAt: now },
        );
        if (rejected.affected) await this.notifications.send(this.reviewNotice(r, false, note), em);
        return rejected;
      });
      if (!done.affected) continue;
      await this.audit.record({ actorId, action: 'enterprise.reject', objectType: 'enterprise', objectId: r.id, reason: note, data: { supersededBy: verified.id } });
    }
  }

  /** The message that tells a company's creator the hall's decision. */
  reviewNotice(e: EnterpriseEntity, approved: boolean, note: string | null) {
    return {
      userId: e.createdBy,
      type: approved ? 'enterprise_verified' : 'enterprise_rejected',
      title: approved ? '企业已通过核验' : '企业登记未通过核验',
      body: approved
        ? `“${e.name}”已通过大厅核验，现在可以企业名义预约、申报和授权代办。${note ? `说明：${note}` : ''}`
        : `“${e.name}”未通过大厅核验${note ? `：${note}` : ''}。如有疑问，请携营业执照到政务服务中心窗口咨询。`,
      link: LINKS.company(e.id),
    };
  }

  async list(caller: AuthUser): Promise<EnterpriseView[]> {
    const rows = await this.db.members.find({ where: { userId: caller.id } });
    if (rows.length === 0) return [];
    const es = await this.db.enterprises.find({ where: { id: In(rows.map((r) => r.enterpriseId)) }, order: { createdAt: 'ASC' } });
    const role = new Map(rows.map((r) => [r.enterpriseId, r.role]));
    return es.map((e) => view(e, role.get(e.id)!));
  }

  /** A member's view of the company; 404 for anyone else. */
  async get(caller: AuthUser, id: string): Promise<EnterpriseDetail> {
    const role = await this.roleOf(caller.id, id);
    const e = role ? await this.db.enterprises.findOne({ where: { id } }) : null;
    if (!e || !role) throw new DomainError('NOT_FOUND');
    const ms = await this.db.members.find({ where: { enterpriseId: id }, order: { createdAt: 'ASC' } });
    const contacts = await this.users.maskedContacts(ms.map((m) => m.userId));
    return {
      ...view(e, role),
      members: ms.map((m) => {
        const c = contacts.get(m.userId);
        return { userId: m.userId, name: c?.name ?? null, phone: c?.phone ?? null, role: m.role, self: m.userId === caller.id };
      }),
    };
  }

  private async requireAdmin(caller: AuthUser, id: string): Promise<EnterpriseEntity> {
    const role = await this.roleOf(caller.id, id);
    const e = role ? await this.db.enterprises.findOne({ where: { id } }) : null;
    if (!e) throw new DomainError('NOT_FOUND');
    if (role !== 'admin') throw new DomainError('FORBIDDEN', '只有企业管理员可以管理成员');
    return e;
  }

  async addMember(caller: AuthUser, id: string, phone: string, role: EnterpriseRole): Promise<EnterpriseDetail> {
    const e = await this.requireAdmin(caller, id);
    const user = await this.users.findOrCreateByPhone(phone);
    // the membership and the new member's message in one transaction: added and told, or neither
    await this.tx.run(async (em) => {
      const members = em.getRepository(EnterpriseMemberEntity);
      const existing = await members.findOne({ where: { enterpriseId: id, userId: user.id } });
      if (existing) {
        if (existing.role !== role) await members.update({ enterpriseId: id, userId: user.id }, { role });
      } else {
        try {
          await members.insert({ enterpriseId: id, userId: user.id, role, addedBy: caller.id, createdAt: this.clock.now() });
        } catch (err) {
          if (!isDuplicateKey(err)) throw err;
        }
      }
      await this.notifications.send(
        {
          userId: user.id,
          type: 'enterprise_member',
          title: '您已成为企业办事人员',
          body: `您已被添加为“${e.name}”的${role === 'admin' ? '管理员' : '经办人'}，${e.status === 'verified' ? '可以代表企业预约和申报。' : '企业通过大厅核验后即可代表企业预约和申报。'}`,
          link: LINKS.company(id),
        },
        em,
      );
    });
    await this.callers.invalidate(user.id);
    await this.audit.record({ actorId: caller.id, action: 'enterprise.member_add', objectType: 'enterprise', objectId: id, data: { userId: user.id, role } });
    return this.get(caller, id);
  }

  async removeMember(caller: AuthUser, id: string, userId: string): Promise<void> {
    await this.requireAdmin(caller, id);
    const m = await this.db.members.findOne({ where: { enterpriseId: id, userId } });
    if (!m) throw new DomainError('NOT_FOUND');
    if (m.role === 'admin' && (await this.db.members.count({ where: { enterpriseId: id, role: 'admin' } })) <= 1) {
      throw new DomainError('INVALID_STATE', '企业至少需要保留一名管理员');
    }
    await this.db.members.delete({ enterpriseId: id, userId });
    await this.callers.invalidate(userId); // a removed member loses the company's rights with the next request, on every instance
    await this.audit.record({ actorId: caller.id, action: 'enterprise.member_remove', objectType: 'enterprise', objectId: id, data: { userId } });
  }
}
