import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { OnBehalfOf, LINKS } from '@gov/shared';
import { isValidDate, shanghaiDate } from '../calendar/calendar.rules';
import { CatalogService } from '../catalog/catalog.service';
import type { AuthUser } from '../common/auth/auth.decorators';
import { AuditService } from '../common/audit/audit.service';
import { ClockService } from '../common/clock/clock.service';
import { Transactions } from '../common/db/transactions';
import { DomainError, fieldError } from '../common/errors/domain-error';
import { newId } from '../common/ids';
import { EnterprisesService } from '../enterprises/enterprises.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ApplicantsService } from '../users/applicants.service';
import { UsersService } from '../users/users.service';
import { agentListOrder, displayStatus, respondRefusal, revokeRefusal } from './delegation.rules';
import { AuthorizationEntity } from './entities/authorization.entity';
import type { AuthorizationView } from '@gov/shared';
export type { AuthorizationView } from '@gov/shared';

const AGENT_LIST_LINK = LINKS.authorizations('agent');
const PRINCIPAL_LIST_LINK = LINKS.authorizations('principal');


/**
 * 授权委托: give, accept or decline, list and revoke authorisations; the principal is a person or a
 * verified company they administer. An authorisation is pending, and gives no rights, until the
 * agent — signed in with the phone it names — accepts it.
 */
@Injectable()
export class DelegationService {
  constructor(
    @InjectRepository(AuthorizationEntity) private readonly auths: Repository<AuthorizationEntity>,
    private readonly users: UsersService,
    private readonly companies: EnterprisesService,
    private readonly clock: ClockService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly catalog: CatalogService,
    private readonly applicants: ApplicantsService,
    private readonly tx: Transactions,
  ) {}

  private async assertMayGrantFor(caller: AuthUser, principal: OnBehalfOf): Promise<void> {
    if (principal.type === 'person') {
      if (principal.id !== caller.id) throw new DomainError('FORBIDDEN', '只能以本人名义授权');
      return;
    }
    if ((await this.companies.roleOf(caller.id, principal.id)) !== 'admin') throw new DomainError('FORBIDDEN', '只有企业管理员可以代表企业授权');
    await this.companies.assertMayAct(principal.id);
  }

  async create(caller: AuthUser, input: { principal: OnBehalfOf; agentPhone: string; serviceIds: string[] | null; validFrom: string; validTo: string }): Promise<AuthorizationView> {
    await this.assertMayGrantFor(caller, input.principal);
    if (!isValidDate(input.validFrom)) throw fieldError('validFrom', '日期无效');
    if (!isValidDate(input.validTo)) throw fieldError('validTo', '日期无效');
    if (input.validTo < input.validFrom) throw fieldError('validTo', '结束日期不能早于开始日期');
    if (input.validTo < shanghaiDate(this.clock.now())) throw fieldError('validTo', '结束日期已过');
    const serviceIds = input.serviceIds === null ? null : [...new Set(input.serviceIds)];
    if (serviceIds) {
      if (serviceIds.length === 0) throw fieldError('serviceIds', '请至少选择一个事项，或选择全部事项');
      const found = await this.catalog.countServices(serviceIds);
      if (found !== serviceIds.length) throw fieldError('serviceIds', '所选事项不存在');
    }
    // the agent's account: found by phone hash, or made now so that they find the invitation when they first sign in
    const agent = await this.users.findOrCreateByPhone(input.agentPhone);
    if (agent.id === caller.id && input.principal.type === 'person') throw fieldError('agentPhone', '不能委托给自己');
    const now = this.clock.now();
    const a = this.auths.create({
      id: newId(),
      principalType: input.principal.type,
      principalId: input.principal.id,
      agentUserId: agent.id,
      serviceIds,
      validFrom: input.validFrom,
      validTo: input.validTo,
      status: 'pending',
      createdBy: caller.id,
      createdAt: now,
      revokedAt: null,
      revokedBy: null,
      respondedAt: null,
    });
    const v = (await this.views([a]))[0];
    // the authorisation and the agent's message in one transaction
    await this.tx.run(async (em) => {
      await em.getRepository(AuthorizationEntity).insert(a);
      await this.notifications.send(
        {
          userId: agent.id,
          type: 'authorization_received',
          title: '您收到一份授权委托，待您确认',
          body: `${v.principal.name ?? '委托人'}${v.principal.type === 'enterprise' ? '（企业）' : ''}委托您自 ${a.validFrom} 至 ${a.validTo} 代为办理${serviceIds ? `${serviceIds.length} 项事项` : '全部事项'}。请在“我收到的授权”中接受或拒绝，接受前授权不生效。`,
          link: AGENT_LIST_LINK,
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: 'authorization.create', objectType: 'authorization', objectId: a.id });
    return v;
  }

  /** The agent named in a pending authorisation accepts it (`active`) or declines it (`declined`); anyone else is told 404. */
  async respond(caller: AuthUser, id: string, accept: boolean): Promise<AuthorizationView> {
    const a = await this.auths.findOne({ where: { id } });
    if (!a || a.agentUserId !== caller.id) throw new DomainError('NOT_FOUND');
    const refused = respondRefusal(a, shanghaiDate(this.clock.now()));
    if (refused) throw new DomainError('INVALID_STATE', refused);
    const now = this.clock.now();
    const status = accept ? 'active' : 'declined';
    const v = (await this.views([{ ...a, status, respondedAt: now }]))[0];
    // the answer and the principal's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(AuthorizationEntity).update({ id, status: 'pending' }, { status, respondedAt: now });
      if (!done.affected) throw new DomainError('INVALID_STATE', '该授权委托的状态已变化，请刷新后再试');
      await this.notifications.send(
        {
          // a company's authorisation goes back to the admin who gave it
          userId: a.principalType === 'person' ? a.principalId : a.createdBy,
          type: accept ? 'authorization_accepted' : 'authorization_declined',
          title: accept ? '代办人已接受授权委托' : '代办人已拒绝授权委托',
          body: accept
            ? `代办人 ${v.agent.name ?? v.agent.phone ?? ''} 已接受您的授权委托，自 ${a.validFrom} 至 ${a.validTo} 可代为办理。`
            : `代办人 ${v.agent.name ?? v.agent.phone ?? ''} 拒绝了您的授权委托，该授权不会生效。`,
          link: PRINCIPAL_LIST_LINK,
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: accept ? 'authorization.accept' : 'authorization.decline', objectType: 'authorization', objectId: id });
    return v;
  }

  /** Authorisations the caller gave (as a person or as admin of a company), or received as agent. */
  async list(caller: AuthUser, role: 'principal' | 'agent' = 'principal'): Promise<AuthorizationView[]> {
    if (role === 'agent') {
      return agentListOrder(await this.views(await this.auths.find({ where: { agentUserId: caller.id }, order: { createdAt: 'DESC' } })));
    }
    const adminOf = (await this.companies.list(caller)).filter((e) => e.role === 'admin').map((e) => e.id);
    const rows = await this.auths.find({
      where: [{ principalType: 'person', principalId: caller.id }, ...(adminOf.length ? [{ principalType: 'enterprise' as const, principalId: In(adminOf) }] : [])],
      order: { createdAt: 'DESC' },
    });
    return this.views(rows);
  }

  async revoke(caller: AuthUser, id: string): Promise<AuthorizationView> {
    const a = await this.auths.findOne({ where: { id } });
    const mayRevoke =
      a && (a.principalType === 'person' ? a.principalId === caller.id : (await this.companies.roleOf(caller.id, a.principalId)) === 'admin');
    if (!a || !mayRevoke) throw new DomainError('NOT_FOUND');
    const refused = revokeRefusal(a);
    if (refused) throw new DomainError('INVALID_STATE', refused);
    const now = this.clock.now();
    // the revocation and the agent's message in one transaction
    await this.tx.run(async (em) => {
      const done = await em.getRepository(AuthorizationEntity).update({ id, status: a.status }, { status: 'revoked', revokedAt: now, revokedBy: caller.id });
      if (!done.affected) throw new DomainError('INVALID_STATE', '该授权委托的状态已变化，请刷新后再试');
      await this.notifications.send(
        {
          userId: a.agentUserId,
          type: 'authorization_revoked',
          title: '授权委托已撤销',
          body: a.status === 'pending' ? '委托人已撤回给您的授权委托邀请。' : '委托人已撤销对您的授权委托，您不能再代为办理相关事项。',
          link: AGENT_LIST_LINK,
        },
        em,
      );
    });
    await this.audit.record({ actorId: caller.id, action: 'authorization.revoke', objectType: 'authorization', objectId: id });
    return (await this.views([{ ...a, status: 'revoked', revokedAt: now, revokedBy: caller.id }]))[0];
  }

  /** Authorisations that name this agent for this principal, newest first (any state; the caller judges them). */
  forAgent(agentUserId: string, principal: OnBehalfOf): Promise<AuthorizationEntity[]> {
    return this.auths.find({ where: { agentUserId, principalType: principal.type, principalId: principal.id }, order: { createdAt: 'DESC' } });
  }

  private async views(rows: AuthorizationEntity[]): Promise<AuthorizationView[]> {
    if (rows.length === 0) return [];
    const today = shanghaiDate(this.clock.now());
    const principalsOf = (type: 'person' | 'enterprise') => rows.filter((r) => r.principalType === type).map((r) => r.principalId);
    const [agents, parties, service] = await Promise.all([
      this.users.maskedContacts(rows.map((r) => r.agentUserId)),
      this.applicants.partyNames(principalsOf('person'), principalsOf('enterprise')),
      this.catalog.serviceNames(rows.flatMap((r) => r.serviceIds ?? [])),
    ]);
    return rows.map((r) => {
      const agent = agents.get(r.agentUserId);
      return {
        id: r.id,
        status: displayStatus(r, today),
        principal: {
          type: r.principalType,
          id: r.principalId,
          name: (r.principalType === 'person' ? parties.people.get(r.principalId) : parties.enterprises.get(r.principalId)) ?? null,
        },
        agent: { userId: r.agentUserId, name: agent?.name ?? null, phone: agent?.phone ?? null },
        serviceIds: r.serviceIds,
        services: r.serviceIds ? r.serviceIds.map((id) => ({ id, name: service.get(id) ?? '' })) : null,
        validFrom: r.validFrom,
        validTo: r.validTo,
        createdAt: r.createdAt.toISOString(),
        revokedAt: r.revokedAt?.toISOString() ?? null,
        respondedAt: r.respondedAt?.toISOString() ?? null,
      };
    });
  }
}
