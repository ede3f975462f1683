import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import * as QRCode from 'qrcode';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import { LINKS, maskIdNumber } from '@gov/shared';
import type { CertificateVerifyView, CertificateView } from '@gov/shared';
import { shanghaiDate } from '../calendar/calendar.rules';
import { CatalogService } from '../catalog/catalog.service';
import { DepartmentEntity } from '../catalog/entities/department.entity';
import type { AuthUser } from '../common/auth/auth.decorators';
import { ClockService } from '../common/clock/clock.service';
import { Repositories, repositories } from '../common/db/repositories';
import { CryptoService } from '../common/crypto/crypto.service';
import { DomainError } from '../common/errors/domain-error';
import { isId, newId } from '../common/ids';
import { AppConfig } from '../config/app-config';
import { EnterpriseEntity } from '../enterprises/entities/enterprise.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CertificateSigner, SIGNATURE_ALGORITHM } from './certificate-signer';
import { renderCertificate } from './certificate.pdf';
import {
  canonicalJson,
  CertificateContent,
  certificateNumber,
  inEffect,
  maskHolder,
  parseContent,
  reusableCertificates,
  validTo,
  VERIFY_CODE_RE,
  verifyCode,
} from './certificates.rules';
import { CertificateEntity } from './entities/certificate.entity';

/** What issuing needs of the approved filing and its service. */
export interface IssueInput {
  filing: { id: string; number: string; userId: string; enterpriseId: string | null; serviceId: string };
  /** `id`: the service issuing it when it is not the filing's own (a part of a 一件事 filing) */
  service: { id?: string; code: string; certificateType: string; certificateYears: number | null; decidingBody: string; departmentId: string };
}

/** Whose certificates: a person, or a company (the filing's party). */
export interface Holder {
  userId: string;
  enterpriseId: string | null;
}

/** The tables certificates read and write: their own, and the holder's particulars at issue. */
const TABLES = { certs: CertificateEntity, users: UserEntity, enterprises: EnterpriseEntity, departments: DepartmentEntity };

const cnDate = (ymd: string): string => {
  const [y, m, d] = ymd.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

/**
 * Electronic certificates (电子证照; DESIGN.md Results, API.md Electronic certificates): issued on
 * the approval of a licence-issuing service's filing and signed with the centre's SM2 key; listed
 * to their holder; printable with a QR code of the public verification page; verified by anyone;
 * and offered to fill a later filing's material (免提交).
 */
@Injectable()
export class CertificatesService {
  private readonly db = repositories(this.ds, TABLES);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly signer: CertificateSigner,
    private readonly crypto: CryptoService,
    private readonly clock: ClockService,
    private readonly catalog: CatalogService,
  ) {}

  // ---- issuing ----

  /**
   * Issue the certificate of an approved filing inside the approval's transaction `em`: holder (the
   * filing's company, else its person), number, validity from today for the service's years, the
   * verification code, and the SM2 signature of the canonical content. One per filing (unique
   * key). Returns the stored certificate. Throws what the database raises.
   */
  async issueWithin(em: EntityManager, input: IssueInput): Promise<CertificateEntity> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const tx = repositories(em, TABLES);
    const holder = await this.holderParticulars(tx, input.filing);
    // the issuing body is the service's department by name (清河市市场监督管理局), not the guide's generic wording
    const department = await tx.departments.findOneBy({ id: input.service.departmentId });
    const row: CertificateEntity = {
      id: newId(),
      applicationId: input.filing.id,
      serviceId: input.service.id ?? input.filing.serviceId,
      type: input.service.certificateType,
      number: certificateNumber(today, randomBytes(8)),
      holderKind: holder.kind,
      holderUserId: holder.kind === 'person' ? input.filing.userId : null,
      holderEnterpriseId: holder.kind === 'enterprise' ? input.filing.enterpriseId : null,
      holderName: holder.name,
      issuedBy: (department?.name ?? input.service.decidingBody).slice(0, 200),
      issuedAt: now,
      validFrom: today,
      validTo: validTo(today, input.service.certificateYears),
      status: 'valid',
      verifyCode: verifyCode(randomBytes(16)),
      content: '',
      signature: '',
      keyId: this.signer.keyId,
      revokedAt: null,
      createdAt: now,
    };
    const content: CertificateContent = {
      v: 1,
      type: row.type,
      number: row.number,
      holder: { kind: holder.kind, name: holder.name, idNo: holder.idNo },
      issuedBy: row.issuedBy,
      issuedAt: now.toISOString(),
      validFrom: row.validFrom,
      validTo: row.validTo,
      filingNumber: input.filing.number,
      serviceCode: input.service.code,
      verifyCode: row.verifyCode,
      keyId: row.keyId,
    };
    row.content = canonicalJson(content);
    row.signature = this.signer.sign(row.content);
    await tx.certs.insert(row);
    return row;
  }

  /** A company's name and credit code, or a person's real name and masked ID number. */
  private async holderParticulars(tx: Repositories<typeof TABLES>, f: IssueInput['filing']): Promise<{ kind: 'person' | 'enterprise'; name: string; idNo: string }> {
    if (f.enterpriseId) {
      const e = await tx.enterprises.findOne({ where: { id: f.enterpriseId } });
      if (e) return { kind: 'enterprise', name: e.name, idNo: e.creditCode };
    }
    const u = await tx.users.findOne({ where: { id: f.userId } });
    const id = u?.idNumberEnc ? this.crypto.decrypt(u.idNumberEnc) : null;
    return { kind: 'person', name: u?.realName ?? '', idNo: maskIdNumber(id) ?? '' };
  }

  // ---- the holder's wallet (证照夹) ----

  /** GET /me/certificates: the caller's own and their companies' certificates, newest first. Raises nothing. */
  async mine(caller: AuthUser): Promise<CertificateView[]> {
    const companies = caller.enterpriseIds ?? [];
    const rows = await this.db.certs
      .createQueryBuilder('c')
      .where(
        new Brackets((w) => {
          w.where('c.holder_user_id = :me', { me: caller.id });
          if (companies.length) w.orWhere('c.holder_enterprise_id IN (:...companies)', { companies });
        }),
      )
      .orderBy('c.issued_at', 'DESC')
      .take(200)
      .getMany();
    return this.views(rows);
  }

  /** GET /certificates/:id: one certificate of the caller's, with the QR code of its verification address. Throws NOT_FOUND. */
  async get(caller: AuthUser, id: string): Promise<CertificateView> {
    const c = await this.held(caller, id);
    const [view] = await this.views([c]);
    return { ...view, qrImage: await QRCode.toDataURL(this.verifyUrl(c.verifyCode), { margin: 1, width: 320, errorCorrectionLevel: 'M' }) };
  }

  /** GET /certificates/:id/pdf: the certificate as a PDF with its QR code and signature, and its download name. Throws NOT_FOUND. */
  async pdf(caller: AuthUser, id: string): Promise<{ name: string; pdf: Buffer }> {
    const c = await this.held(caller, id);
    const content = parseContent(c.content);
    const url = this.verifyUrl(c.verifyCode);
    const pdf = await renderCertificate({
      type: c.type,
      number: c.number,
      holderName: c.holderName,
      holderIdNo: content?.holder.idNo ?? '',
      issuedBy: c.issuedBy,
      issuedOn: cnDate(shanghaiDate(c.issuedAt)),
      validity: c.validTo ? `${cnDate(c.validFrom)}至${cnDate(c.validTo)}` : `${cnDate(c.validFrom)}起长期有效`,
      verifyUrl: url,
      qrPng: await QRCode.toBuffer(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }),
      signature: c.signature,
      algorithm: SIGNATURE_ALGORITHM,
    });
    return { name: `${c.type}-${c.number}.pdf`, pdf };
  }

  /** The certificate if the caller holds it (themself or through a company they belong to), else NOT_FOUND. */
  private async held(caller: AuthUser, id: string): Promise<CertificateEntity> {
    const c = isId(id) ? await this.db.certs.findOne({ where: { id } }) : null;
    const mine = c && (c.holderUserId === caller.id || (c.holderEnterpriseId !== null && (caller.enterpriseIds ?? []).includes(c.holderEnterpriseId)));
    if (!c || !mine) throw new DomainError('NOT_FOUND', '未找到该证照');
    return c;
  }

  private async views(rows: CertificateEntity[]): Promise<CertificateView[]> {
    if (!rows.length) return [];
    const nameOf = await this.catalog.serviceNames(rows.map((r) => r.serviceId));
    const today = shanghaiDate(this.clock.now());
    return rows.map((c) => ({
      id: c.id,
      type: c.type,
      number: c.number,
      holderName: maskHolder(c.holderKind, c.holderName),
      issuedBy: c.issuedBy,
      issuedAt: c.issuedAt.toISOString(),
      validFrom: c.validFrom,
      validTo: c.validTo,
      status: c.status,
      valid: inEffect(c, today),
      verifyCode: c.verifyCode,
      verifyPath: LINKS.verifyCertificate(c.verifyCode),
      applicationId: c.applicationId,
      serviceName: nameOf.get(c.serviceId) ?? '',
    }));
  }

  /** The absolute address of the public verification page (what the QR code holds). */
  verifyUrl(code: string): string {
    return `${this.config.publicUrl}${LINKS.verifyCertificate(code)}`;
  }

  // ---- public verification ----

  /**
   * GET /certificates/verify/:verifyCode (public): validity, the masked holder and whether the
   * stored content still carries the centre's signature. The particulars shown are those of the
   * signed content (the columns when it no longer parses). Throws NOT_FOUND for an unknown or
   * malformed code.
   */
  async verify(code: string): Promise<CertificateVerifyView> {
    const c = VERIFY_CODE_RE.test(code) ? await this.db.certs.findOne({ where: { verifyCode: code } }) : null;
    if (!c) throw new DomainError('NOT_FOUND', '未找到该证照，请核对二维码或核验码');
    const content = parseContent(c.content);
    const signatureValid = this.signer.verify(c.content, c.signature, c.keyId) && content !== null && content.verifyCode === c.verifyCode;
    const today = shanghaiDate(this.clock.now());
    const shown = {
      type: content?.type ?? c.type,
      number: content?.number ?? c.number,
      holderName: maskHolder(content?.holder.kind ?? c.holderKind, content?.holder.name ?? c.holderName),
      issuedBy: content?.issuedBy ?? c.issuedBy,
      issuedAt: content?.issuedAt ?? c.issuedAt.toISOString(),
      validTo: content ? content.validTo : c.validTo,
    };
    const effective = inEffect({ status: c.status, validFrom: content?.validFrom ?? c.validFrom, validTo: shown.validTo }, today);
    const reason = !signatureValid
      ? '电子签名校验未通过，证照内容可能被篡改'
      : c.status === 'revoked'
        ? '该证照已被注销'
        : !effective
          ? '该证照不在有效期内'
          : null;
    return { valid: reason === null, ...shown, status: c.status, signatureValid, algorithm: SIGNATURE_ALGORITHM, reason };
  }

  // ---- 免提交 ----

  /**
   * For a new filing by `holder`: the certificate in effect today that fills each material whose
   * type a certificate satisfies (materialId → certificate). Raises nothing.
   */
  async reusableFor(holder: Holder, materials: ReadonlyArray<{ materialId: string; certificateType: string | null }>): Promise<Map<string, CertificateEntity>> {
    const types = [...new Set(materials.flatMap((m) => (m.certificateType ? [m.certificateType] : [])))];
    if (!types.length) return new Map();
    const held = await this.db.certs.find({
      where: holder.enterpriseId ? { holderEnterpriseId: holder.enterpriseId, type: In(types) } : { holderUserId: holder.userId, type: In(types) },
    });
    return reusableCertificates(materials, held, shanghaiDate(this.clock.now()));
  }

  /**
   * 免提交 in a 智能导办 checklist: for each certificate type, the newest certificate in effect today
   * that the caller holds as this kind of applicant (themself as a person, or any company of theirs).
   * Returns type → certificate. Raises nothing.
   */
  async heldInEffect(caller: AuthUser, kind: 'person' | 'enterprise', types: readonly string[]): Promise<Map<string, CertificateEntity>> {
    const wanted = [...new Set(types)];
    const companies = caller.enterpriseIds ?? [];
    if (!wanted.length || (kind === 'enterprise' && !companies.length)) return new Map();
    const held = await this.db.certs.find({
      where: kind === 'enterprise' ? { holderEnterpriseId: In(companies), type: In(wanted) } : { holderUserId: caller.id, type: In(wanted) },
    });
    return reusableCertificates(wanted.map((t) => ({ materialId: t, certificateType: t })), held, shanghaiDate(this.clock.now()));
  }

  /** Which of these certificates are in effect today. Raises nothing. */
  async inEffect(ids: string[]): Promise<Set<string>> {
    const today = shanghaiDate(this.clock.now());
    return new Set([...(await this.byIds(ids)).values()].filter((c) => inEffect(c, today)).map((c) => c.id));
  }

  /** Certificates by id (unknown ids absent). Raises nothing. */
  async byIds(ids: string[]): Promise<Map<string, CertificateEntity>> {
    const wanted = [...new Set(ids)];
    const rows = wanted.length ? await this.db.certs.find({ where: { id: In(wanted) } }) : [];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The certificate issued on each of these filings (applicationId → certificate; a 一件事 filing's parts: see ofFilingServices). Raises nothing. */
  async ofFilings(applicationIds: string[]): Promise<Map<string, CertificateEntity>> {
    return new Map((await this.issuedOn(applicationIds)).map((r) => [r.applicationId, r]));
  }

  /** The certificates issued for these filings' parts (一件事: one a service), keyed `applicationId:serviceId`. Raises nothing. */
  async ofFilingServices(applicationIds: string[]): Promise<Map<string, CertificateEntity>> {
    return new Map((await this.issuedOn(applicationIds)).map((r) => [`${r.applicationId}:${r.serviceId}`, r]));
  }

  private issuedOn(applicationIds: string[]): Promise<CertificateEntity[]> {
    return applicationIds.length ? this.db.certs.find({ where: { applicationId: In([...new Set(applicationIds)]) } }) : Promise.resolve([]);
  }
}
