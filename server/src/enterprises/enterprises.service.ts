import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EnterpriseRole, isValidCreditCode, maskName, maskPhone, MeEnterprise } from '@gov/shared';
import { AuthUser, CallerContextLoader } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { isDuplicateKey } from '../common/db-errors';
import { DomainError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../database/transactions';
import { NotificationsService } from '../notifications/notifications.service';
import { UserEntity } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { EnterpriseMemberEntity } from './entities/enterprise-member.entity';
import { EnterpriseEntity } from './entities/enterprise.entity';

export interface EnterpriseView {
  id: string;
  name: string;
  creditCode: string;
  legalRepName: string;
  role: EnterpriseRole;
}

export interface EnterpriseDetail extends EnterpriseView {
  members: Array<{ userId: string; name: string | null; phone: string | null; role: EnterpriseRole; self: boolean }>;
}

/** Companies (法人) and their members: the creator is admin; admins add and remove members by phone. */
@Injectable()
export class EnterprisesService implements CallerContextLoader {
  constructor(
    @InjectRepository(EnterpriseEntity) private readonly enterprises: Repository<EnterpriseEntity>,
    @InjectRepository(EnterpriseMemberEntity) private readonly members: Repository<EnterpriseMemberEntity>,
    @InjectRepository(UserEntity) private readonly userRows: Repository<UserEntity>,
    private readonly users: UsersService,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  async enterpriseIds(userId: string): Promise<string[]> {
    return (await this.members.find({ where: { userId }, select: { enterpriseId: true } })).map((m) => m.enterpriseId);
  }

  /** The caller's companies in one query, or null when the account is closed or unknown. */
  async callerContext(userId: string): Promise<{ enterpriseIds: string[] } | null> {
    const rows = await this.userRows
      .createQueryBuilder('u')
      .leftJoin(EnterpriseMemberEntity, 'm', 'm.user_id = u.id')
      .select('u.disabled', 'disabled')
      .addSelect('m.enterprise_id', 'enterpriseId')
      .where('u.id = :id', { id: userId })
      .getRawMany<{ disabled: number | boolean | string; enterpriseId: string | null }>();
    if (rows.length === 0 || rows.some((r) => Number(r.disabled) === 1)) return null;
    return { enterpriseIds: rows.map((r) => r.enterpriseId).filter((e): e is string => e !== null) };
  }

  async membershipsOf(userId: string): Promise<MeEnterprise[]> {
    const rows = await this.members.find({ where: { userId } });
    if (rows.length === 0) return [];
    const es = await this.enterprises.find({ where: { id: In(rows.map((r) => r.enterpriseId)) } });
    const byId = new Map(es.map((e) => [e.id, e]));
    return rows.filter((r) => byId.has(r.enterpriseId)).map((r) => ({ id: r.enterpriseId, name: byId.get(r.enterpriseId)!.name, role: r.role }));
  }

  roleOf(userId: string, enterpriseId: string): Promise<EnterpriseRole | null> {
    return this.members.findOne({ where: { userId, enterpriseId } }).then((m) => m?.role ?? null);
  }

  async create(caller: AuthUser, input: { name: string; creditCode: string; legalRepName: string }): Promise<EnterpriseView> {
    const code = input.creditCode.trim().toUpperCase();
    if (!isValidCreditCode(code)) throw new DomainError('INVALID_CREDIT_CODE', '统一社会信用代码校验不通过，请核对营业执照上的代码');
    const me = await this.users.requireById(caller.id);
    if (!me.verifiedAt) throw new DomainError('REAL_NAME_REQUIRED', '登记企业前请先完成实名认证');
    const now = this.clock.now();
    const e = this.enterprises.create({ id: newId(), name: input.name.trim(), creditCode: code, legalRepName: input.legalRepName.trim(), createdBy: caller.id, createdAt: now, updatedAt: now });
    try {
      await this.tx.run(async (em) => {
        await em.getRepository(EnterpriseEntity).insert(e);
        await em.getRepository(EnterpriseMemberEntity).insert({ enterpriseId: e.id, userId: caller.id, role: 'admin', addedBy: caller.id, createdAt: now });
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '该统一社会信用代码已登记，请联系企业管理员添加您为成员');
      throw err;
    }
    return { id: e.id, name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName, role: 'admin' };
  }

  async list(caller: AuthUser): Promise<EnterpriseView[]> {
    const rows = await this.members.find({ where: { userId: caller.id } });
    if (rows.length === 0) return [];
    const es = await this.enterprises.find({ where: { id: In(rows.map((r) => r.enterpriseId)) }, order: { createdAt: 'ASC' } });
    const role = new Map(rows.map((r) => [r.enterpriseId, r.role]));
    return es.map((e) => ({ id: e.id, name: e.name, creditCode: e.creditCode, legalRepName: e.legalRepName, role: role.get(e.id)! }));
  }

  /** A member's view of the company; 404 for anyone else. */
  async get(caller: AuthUser, id: string): Promise<EnterpriseDetail> {
    const role = await this.roleOf(caller.id, id);
    const e = role ? await this.enterprises.findOne({ where: { id } }) : null;
    if (!e || !role) throw new DomainError('NOT_FOUND');
    const ms = await this.members.find({ where: { enterpriseId: id }, order: { createdAt: 'ASC' } });
    const us = await this.userRows.find({ where: { id: In(ms.map((m) => m.userId)) } });
    const byId = new Map(us.map((u) => [u.id, u]));
    return {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      legalRepName: e.legalRepName,
      role,
      members: ms.map((m) => {
        const u = byId.get(m.userId);
        return { userId: m.userId, name: maskName(u?.realName ?? null), phone: u?.phoneEnc ? maskPhone(this.crypto.decrypt(u.phoneEnc)) : null, role: m.role, self: m.userId === caller.id };
      }),
    };
  }

  private async requireAdmin(caller: AuthUser, id: string): Promise<EnterpriseEntity> {
    const role = await this.roleOf(caller.id, id);
    const e = role ? await this.enterprises.findOne({ where: { id } }) : null;
    if (!e) throw new DomainError('NOT_FOUND');
    if (role !== 'admin') throw new DomainError('FORBIDDEN', '只有企业管理员可以管理成员');
    return e;
  }

  async addMember(caller: AuthUser, id: string, phone: string, role: EnterpriseRole): Promise<EnterpriseDetail> {
    const e = await this.requireAdmin(caller, id);
    const user = await this.users.findOrCreateByPhone(phone);
    const existing = await this.members.findOne({ where: { enterpriseId: id, userId: user.id } });
    if (existing) {
      if (existing.role !== role) await this.members.update({ enterpriseId: id, userId: user.id }, { role });
    } else {
      try {
        await this.members.insert({ enterpriseId: id, userId: user.id, role, addedBy: caller.id, createdAt: this.clock.now() });
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    }
    await this.audit.record({ actorId: caller.id, action: 'enterprise.member_add', objectType: 'enterprise', objectId: id, data: { userId: user.id, role } });
    await this.notifications.send({
      userId: user.id,
      type: 'enterprise_member',
      title: '您已成为企业办事人员',
      body: `您已被添加为“${e.name}”的${role === 'admin' ? '管理员' : '经办人'}，可以代表企业预约和申报。`,
      link: `/subpackages/company/pages/detail/index?id=${id}`,
    });
    return this.get(caller, id);
  }

  async removeMember(caller: AuthUser, id: string, userId: string): Promise<void> {
    await this.requireAdmin(caller, id);
    const m = await this.members.findOne({ where: { enterpriseId: id, userId } });
    if (!m) throw new DomainError('NOT_FOUND');
    if (m.role === 'admin' && (await this.members.count({ where: { enterpriseId: id, role: 'admin' } })) <= 1) {
      throw new DomainError('INVALID_STATE', '企业至少需要保留一名管理员');
    }
    await this.members.delete({ enterpriseId: id, userId });
    await this.audit.record({ actorId: caller.id, action: 'enterprise.member_remove', objectType: 'enterprise', objectId: id, data: { userId } });
  }
}
