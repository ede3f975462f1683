import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EnterpriseStatus } from '@gov/shared';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { isDuplicateKey } from '../common/db/db-errors';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { NotificationsService } from '../notifications/notifications.service';
import { UsersService } from '../users/users.service';
import { EnterpriseEntity } from './entities/enterprise.entity';
import { claimKey, mayReviewEnterprises } from './enterprises.rules';
import { EnterprisesService } from './enterprises.service';
import type { StaffEnterpriseView } from '@gov/shared';
export type { StaffEnterpriseView } from '@gov/shared';

/**
 * The hall's review of companies (企业核验): window staff list the companies waiting and verify or
 * reject each, with a note; the decision is audited and the creator told by message. Companies
 * belong to no hall, so any window may review any company (mayReviewEnterprises).
 */
@Injectable()
export class EnterpriseReviewService {
  constructor(
    @InjectRepository(EnterpriseEntity) private readonly enterprises: Repository<EnterpriseEntity>,
    private readonly companies: EnterprisesService,
    private readonly users: UsersService,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly tx: Transactions,
  ) {}

  private assertReviewer(caller: AuthUser): void {
    if (!mayReviewEnterprises(caller)) throw new DomainError('FORBIDDEN', '只有窗口工作人员可以核验企业');
  }

  /** Pending companies oldest first (the queue); decided ones newest decision first. */
  async list(caller: AuthUser, status: EnterpriseStatus = 'pending'): Promise<StaffEnterpriseView[]> {
    this.assertReviewer(caller);
    const rows = await this.enterprises.find({
      where: { status },
      order: status === 'pending' ? { createdAt: 'ASC' } : { reviewedAt: 'DESC', createdAt: 'DESC' },
      take: 200,
    });
    return this.views(rows);
  }

  async verify(caller: AuthUser, id: string, approve: boolean, note: string | null): Promise<StaffEnterpriseView> {
    this.assertReviewer(caller);
    const text = note?.trim() || null;
    if (!approve && (!text || text.length < 2)) throw fieldError('note', '请填写未通过的原因，企业会收到这条说明');
    const e = await this.enterprises.findOne({ where: { id } });
    if (!e) throw new DomainError('NOT_FOUND');
    if (e.status !== 'pending') throw new DomainError('INVALID_STATE', e.status === 'verified' ? '该企业已通过核验' : '该企业已核验未通过');
    const now = this.clock.now();
    const status: EnterpriseStatus = approve ? 'verified' : 'rejected';
    const change = { status, claimKey: claimKey(status, e.creditCode, e.createdBy), reviewedBy: caller.id, reviewedAt: now, reviewNote: text, updatedAt: now };
    const decided = { ...e, ...change };
    // the decision and the creator's message in one transaction
    try {
      await this.tx.run(async (em) => {
        const done = await em.getRepository(EnterpriseEntity).update({ id, status: 'pending' }, change);
        if (!done.affected) throw new DomainError('INVALID_STATE', '该企业已由其他工作人员核验');
        await this.notifications.send(this.companies.reviewNotice(decided, approve, text), em);
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT', '该统一社会信用代码已有通过核验的企业');
      throw err;
    }
    await this.audit.record({ actorId: caller.id, action: approve ? 'enterprise.verify' : 'enterprise.reject', objectType: 'enterprise', objectId: id, reason: text });
    if (approve) await this.companies.rejectRivalClaims(decided, caller.id, '同一统一社会信用代码的另一登记已通过大厅核验');
    return (await this.views([decided]))[0];
  }

  private async views(rows: EnterpriseEntity[]): Promise<StaffEnterpriseView[]> {
    if (rows.length === 0) return [];
    const [creators, rivals] = await Promise.all([
      this.users.maskedContacts(rows.map((r) => r.createdBy)),
      this.enterprises.find({ where: { creditCode: In([...new Set(rows.map((r) => r.creditCode))]), status: 'pending' }, select: { id: true, creditCode: true } }),
    ]);
    return rows.map((r) => {
      const c = creators.get(r.createdBy);
      return {
        id: r.id,
        name: r.name,
        creditCode: r.creditCode,
        legalRepName: r.legalRepName,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        creator: { userId: r.createdBy, name: c?.name ?? null, phone: c?.phone ?? null },
        rivalClaims: rivals.filter((x) => x.creditCode === r.creditCode && x.id !== r.id).length,
        reviewNote: r.reviewNote,
        reviewedAt: r.reviewedAt?.toISOString() ?? null,
      };
    });
  }
}
