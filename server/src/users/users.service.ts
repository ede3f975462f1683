import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { idDocumentKey, idDocumentProblem, IdType, idTypeAllowsLatinName, maskIdNumber, maskName, maskPhone, Me, normalizeIdDocumentNumber, normalizeRealName, PRIVACY_TERMS_VERSION, Role, StaffRole } from '@gov/shared';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { CryptoService } from '../common/crypto/crypto.service';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { Transactions } from '../common/db/transactions';
import type { AuthUser } from '../common/auth/auth.decorators';
import { CallerContextCache } from '../common/auth/caller-context.cache';
import { UserEntity } from './entities/user.entity';

/** The account's kind and, for staff, its duties (受审分离): what tokens and `me.roles` carry. */
export function rolesOf(u: Pick<UserEntity, 'role' | 'staffRoles'>): Role[] {
  return u.role === 'staff' ? [u.role, ...(u.staffRoles ?? [])] : [u.role];
}

/** Users of every kind. Phone and ID numbers are encrypted at rest and found by keyed hash. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly callers: CallerContextCache,
  ) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id } });
  }

  async requireById(id: string): Promise<UserEntity> {
    const u = await this.findById(id);
    if (!u || u.disabled) throw new DomainError('UNAUTHENTICATED');
    return u;
  }

  phoneHash(phone: string): string {
    return this.crypto.lookupHash('phone', phone);
  }

  findByPhone(phone: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { phoneHash: this.phoneHash(phone) } });
  }

  /** The citizen with this phone, created on first sign-in (safe when two sign-ins race). */
  async findOrCreateByPhone(phone: string): Promise<UserEntity> {
    const found = await this.findByPhone(phone);
    if (found) return found;
    const u = this.blank('citizen');
    u.phoneEnc = this.crypto.encrypt(phone);
    u.phoneHash = this.phoneHash(phone);
    u.phoneTail = phone.slice(-4);
    return this.insertOrFind(u, () => this.findByPhone(phone));
  }

  /** The citizen of this WeChat openid (wx.login), made at its first sign-in. */
  async findOrCreateByWechat(openid: string): Promise<UserEntity> {
    return this.findOrCreateByPlatform({ wechatOpenid: openid });
  }

  /** The citizen of this Alipay user id, made at its first sign-in. */
  async findOrCreateByAlipay(userId: string): Promise<UserEntity> {
    return this.findOrCreateByPlatform({ alipayUserId: userId });
  }

  /** The citizen of a WeChat or Alipay account, made at its first sign-in (two at once make one: the unique key). */
  private async findOrCreateByPlatform(account: { wechatOpenid: string } | { alipayUserId: string }): Promise<UserEntity> {
    const find = () => this.users.findOne({ where: account });
    const found = await find();
    if (found) return found;
    return this.insertOrFind(Object.assign(this.blank('citizen'), account), find);
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  /**
   * How people are shown to others (company members, reviewers, agents, follow-up calls): each
   * user's real name and phone, both masked (null when absent or closed), keyed by id; unknown ids
   * are absent. One query. Raises nothing.
   */
  async maskedContacts(ids: Iterable<string>): Promise<Map<string, { name: string | null; phone: string | null }>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.users.find({ where: { id: In(wanted) }, select: { id: true, realName: true, phoneEnc: true } }) : [];
    return new Map(rows.map((u) => [u.id, { name: maskName(u.realName), phone: u.phoneEnc ? maskPhone(this.crypto.decrypt(u.phoneEnc)) : null }]));
  }

  /** Whether any staff or admin account belongs to this department or hall (they block its deletion). Raises nothing. */
  hasStaffIn(where: { departmentId: string } | { hallId: string }): Promise<boolean> {
    return this.users.exist({ where });
  }

  /** Every staff and admin account, oldest first (the admin's staff list). Raises nothing. */
  listStaff(): Promise<UserEntity[]> {
    return this.users.find({ where: { role: In(['staff', 'admin']) }, order: { createdAt: 'ASC' } });
  }

  async createStaff(input: {
    username: string;
    passwordHash: string;
    role: Extract<Role, 'staff' | 'admin'>;
    name: string;
    hallId: string | null;
    departmentId?: string | null;
    /** a staff account's duties (ignored for an admin) */
    staffRoles?: StaffRole[];
  }): Promise<UserEntity> {
    const u = this.blank(input.role);
    u.staffRoles = input.role === 'staff' ? [...new Set(input.staffRoles ?? [])] : [];
    u.username = input.username;
    u.passwordHash = input.passwordHash;
    u.displayName = input.name;
    u.hallId = input.hallId;
    u.departmentId = input.departmentId ?? null;
    try {
      await this.users.insert(u);
    } catch (e) {
      if (isDuplicateKey(e)) throw new DomainError('CONFLICT', '用户名已存在');
      throw e;
    }
    return u;
  }

  /**
   * 实名认证 against one identity document (shared/identity.rules): the number checked in its type's
   * format and check character (400 VALIDATION_FAILED for the shape, INVALID_ID_NUMBER for the check
   * character), the name normalised (shared/names.rules; Latin only for passports and 永居证). The number
   * is stored encrypted with a keyed hash of type + number (residents' hash is the bare number's, as
   * before); the same document again is a no-op, another one INVALID_STATE; a document already verified
   * on another account is 409 CONFLICT (one account per person: uq_users_id_number_hash); before consent
   * to the current privacy terms, 403 FORBIDDEN with `details.reason: consent_required` (not when `by`
   * is 'staff': a walk-in registered at the desk gives the number to the hall, not to the app).
   */
  async verify(userId: string, realNameRaw: string, idNumberRaw: string, idType: IdType = 'resident', by: 'self' | 'staff' = 'self'): Promise<UserEntity> {
    const idNumber = normalizeIdDocumentNumber(idNumberRaw);
    const problem = idDocumentProblem(idType, idNumber);
    if (problem === 'format') throw fieldError('idNumber', '证件号码格式不正确');
    if (problem === 'check') throw new DomainError('INVALID_ID_NUMBER', '证件号码校验不通过，请核对后重新输入');
    const realName = normalizeRealName(realNameRaw, idTypeAllowsLatinName(idType));
    if (realName === null) throw fieldError('realName', '请输入与证件一致的姓名');
    const u = await this.requireById(userId);
    // PIPL art. 13–14, 29: an identity number is sensitive personal information, collected only after the
    // person agreed to the current privacy terms (the mini-app asks at first sign-in and after a change)
    // (at the desk, staff take the number for the service itself, PIPL art. 13(3): no app consent asked)
    if (by === 'self' && u.consentVersion !== PRIVACY_TERMS_VERSION) {
      throw new DomainError('FORBIDDEN', '请先阅读并同意隐私政策，再进行实名认证', { reason: 'consent_required' });
    }
    const hash = this.crypto.lookupHash('id', idDocumentKey(idType, idNumber));
    if (u.verifiedAt) {
      if (u.idNumberHash === hash && u.realName === realName) return u;
      throw new DomainError('INVALID_STATE', '您已完成实名认证，如需更改请到窗口办理');
    }
    u.realName = realName;
    u.idType = idType;
    u.idNumberEnc = this.crypto.encrypt(idNumber);
    u.idNumberHash = hash;
    u.verifiedAt = this.clock.now();
    u.updatedAt = this.clock.now();
    try {
      await this.users.save(u);
    } catch (e) {
      // uq_users_id_number_hash: the document is verified on another account (one account per person)
      if (isDuplicateKey(e)) throw new DomainError('CONFLICT', '该证件已在另一个账号完成实名认证。如需找回原账号，请携带证件到窗口办理');
      throw e;
    }
    await this.callers.invalidate(u.id);
    return u;
  }

  /**
   * Consent to the privacy terms of `version` (only the current version can be agreed to: it is the
   * one whose text the mini-app shows). The user row keeps the latest version and time; every consent
   * is also an audit entry (`privacy.consent`), so the history of who agreed to what and when stays.
   * Any signed-in account may record it, but only citizens are asked (see needsPrivacyConsent).
   */
  async recordConsent(userId: string, version: string): Promise<void> {
    if (version !== PRIVACY_TERMS_VERSION) throw fieldError('version', '隐私政策已更新，请阅读最新版本后再同意');
    await this.requireById(userId);
    const now = this.clock.now();
    await this.tx.run(async (em) => {
      await em.getRepository(UserEntity).update({ id: userId }, { consentVersion: version, consentAt: now, updatedAt: now });
      await this.audit.record({ actorId: userId, action: 'privacy.consent', objectType: 'user', objectId: userId, data: { version } }, em);
    });
  }

  authUser(u: UserEntity): AuthUser {
    return { id: u.id, roles: rolesOf(u), hallId: u.hallId };
  }

  /**
   * 督办 recipients of one hall (DESIGN.md, Pre-review and filings): its supervisors, and the
   * reviewers of `departmentId` (none when null). Enabled accounts only, each once. Raises nothing.
   */
  async overseers(hallId: string, departmentId: string | null): Promise<{ reviewers: UserEntity[]; supervisors: UserEntity[] }> {
    const staff = await this.users.find({ where: { role: 'staff', hallId, disabled: false } });
    return {
      reviewers: departmentId ? staff.filter((u) => u.staffRoles.includes('reviewer') && u.departmentId === departmentId) : [],
      supervisors: staff.filter((u) => u.staffRoles.includes('supervisor')),
    };
  }

  /** The caller's own profile, with phone and ID number masked. */
  toMe(u: UserEntity): Me {
    return {
      id: u.id,
      phone: u.phoneEnc ? maskPhone(this.crypto.decrypt(u.phoneEnc)) : null,
      realName: u.realName,
      idNumber: u.idNumberEnc ? maskIdNumber(this.crypto.decrypt(u.idNumberEnc)) : null,
      idType: u.idNumberEnc ? (u.idType ?? 'resident') : null,
      verified: u.verifiedAt !== null,
      roles: rolesOf(u),
      enterprises: [],
      hallId: u.hallId,
      ...(u.role === 'staff' ? { departmentId: u.departmentId } : {}),
      name: u.displayName ?? u.realName,
      consentVersion: u.consentVersion,
    };
  }

  private blank(role: Role): UserEntity {
    const now = this.clock.now();
    return this.users.create({
      id: newId(),
      role,
      phoneEnc: null,
      phoneHash: null,
      phoneTail: null,
      wechatOpenid: null,
      alipayUserId: null,
      username: null,
      passwordHash: null,
      displayName: null,
      hallId: null,
      departmentId: null,
      staffRoles: [],
      realName: null,
      idNumberEnc: null,
      idNumberHash: null,
      idType: null,
      verifiedAt: null,
      disabled: false,
      consentVersion: null,
      consentAt: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  private async insertOrFind(u: UserEntity, find: () => Promise<UserEntity | null>): Promise<UserEntity> {
    try {
      await this.users.insert(u);
      return u;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const other = await find();
      if (!other) throw e;
      return other;
    }
  }
}
