import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { maskIdNumber, maskName, maskPhone } from '@gov/shared';
import { CryptoService } from '../common/crypto/crypto.service';
import { EnterpriseEntity } from '../enterprises/entities/enterprise.entity';
import { UserEntity } from './entities/user.entity';
import type { ApplicantView, ApplicantRevealed } from '@gov/shared';
import { repositories } from '../common/db/repositories';
export type { ApplicantView, ApplicantRevealed } from '@gov/shared';

/** Who a booking or filing is for and who made it (the row's `userId`, `actorId`, `enterpriseId`). */
export interface ApplicantRef {
  userId: string;
  actorId: string;
  enterpriseId: string | null;
}

/** Applicants of bookings and filings for staff screens: masked views, and the audited full reveal. */
@Injectable()
export class ApplicantsService {
  private readonly db = repositories(this.ds, { users: UserEntity, enterprises: EnterpriseEntity });

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly crypto: CryptoService,
  ) {}

  /** One masked applicant view per row, in order (two queries for any number of rows). */
  async views(rows: ApplicantRef[]): Promise<ApplicantView[]> {
    const userIds = [...new Set(rows.flatMap((r) => [r.userId, r.actorId]))];
    const entIds = [...new Set(rows.map((r) => r.enterpriseId).filter((x): x is string => !!x))];
    const [users, ents] = await Promise.all([
      userIds.length ? this.db.users.find({ where: { id: In(userIds) } }) : [],
      entIds.length ? this.db.enterprises.find({ where: { id: In(entIds) } }) : [],
    ]);
    const user = new Map(users.map((u) => [u.id, u]));
    const ent = new Map(ents.map((e) => [e.id, e]));
    const phoneOf = (u?: UserEntity) => (u?.phoneEnc ? maskPhone(this.crypto.decrypt(u.phoneEnc)) : null);
    return rows.map((r) => {
      const u = user.get(r.userId);
      const a = r.actorId !== r.userId ? user.get(r.actorId) : undefined;
      const e = r.enterpriseId ? ent.get(r.enterpriseId) : undefined;
      return {
        userId: r.userId,
        name: maskName(u?.realName ?? null),
        idNumber: u?.idNumberEnc ? maskIdNumber(this.crypto.decrypt(u.idNumberEnc)) : null,
        phone: phoneOf(u),
        verified: !!u?.verifiedAt,
        agent: a ? { userId: a.id, name: maskName(a.realName), phone: phoneOf(a) } : null,
        enterprise: e ? { id: e.id, name: e.name, creditCode: e.creditCode } : null,
      };
    });
  }

  /**
   * The names a filing's party line shows: each person's masked real name (null when not verified
   * or closed) and each company's name, keyed by id; unknown ids are absent. Two queries at most.
   */
  async partyNames(userIds: Iterable<string>, enterpriseIds: Iterable<string>): Promise<{ people: Map<string, string | null>; enterprises: Map<string, string> }> {
    const uIds = [...new Set(userIds)];
    const eIds = [...new Set(enterpriseIds)];
    const [users, ents] = await Promise.all([
      uIds.length ? this.db.users.find({ where: { id: In(uIds) }, select: { id: true, realName: true } }) : [],
      eIds.length ? this.db.enterprises.find({ where: { id: In(eIds) }, select: { id: true, name: true } }) : [],
    ]);
    return { people: new Map(users.map((u) => [u.id, maskName(u.realName)])), enterprises: new Map(ents.map((e) => [e.id, e.name])) };
  }

  /** Staff members' display names (their working names, shown to applicants: 首问负责人, 帮办专员), by id. */
  async staffNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.db.users.find({ where: { id: In(wanted) }, select: { id: true, displayName: true, username: true } }) : [];
    return new Map(rows.map((u) => [u.id, u.displayName ?? u.username ?? '工作人员']));
  }

  /** The applicant's full name, ID number and phone (the caller audits the reveal). */
  async reveal(userId: string): Promise<ApplicantRevealed> {
    const u = await this.db.users.findOne({ where: { id: userId } });
    return {
      userId,
      name: u?.realName ?? null,
      idNumber: u?.idNumberEnc ? this.crypto.decrypt(u.idNumberEnc) : null,
      phone: u?.phoneEnc ? this.crypto.decrypt(u.phoneEnc) : null,
    };
  }
}
