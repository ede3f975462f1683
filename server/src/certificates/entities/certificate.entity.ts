import { Column, Entity } from 'typeorm';
import type { CertificateStatus } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/**
 * An electronic certificate (电子证照) issued on the approval of a filing for a licence-issuing
 * service. `content` is the canonical JSON that was signed (certificates.rules `certificateContent`),
 * `signature` its SM2 signature (hex r‖s, SM3 digest with the signer's Z value), made with the key
 * `keyId`. The columns beside repeat what lists need; the verification page reads the content.
 */
@Entity('certificates')
export class CertificateEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  @RefColumn('service_id') serviceId!: string;
  @Column({ type: 'varchar', length: 64 }) type!: string;
  @Column({ type: 'varchar', length: 40 }) number!: string;
  /** a person (the filing's principal) or a company (the filing's enterprise) */
  @Column({ name: 'holder_kind', type: 'varchar', length: 16 }) holderKind!: 'person' | 'enterprise';
  @RefColumn('holder_user_id', true) holderUserId!: string | null;
  @RefColumn('holder_enterprise_id', true) holderEnterpriseId!: string | null;
  @Column({ name: 'holder_name', type: 'varchar', length: 200 }) holderName!: string;
  @Column({ name: 'issued_by', type: 'varchar', length: 200 }) issuedBy!: string;
  @Column(timeCol('issued_at')) issuedAt!: Date;
  /** YYYY-MM-DD, Asia/Shanghai */
  @Column({ name: 'valid_from', type: 'varchar', length: 10 }) validFrom!: string;
  /** YYYY-MM-DD, Asia/Shanghai; null = 长期 */
  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true }) validTo!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: CertificateStatus;
  @Column({ name: 'verify_code', type: 'varchar', length: 32 }) verifyCode!: string;
  @Column({ type: 'text' }) content!: string;
  @Column({ type: 'varchar', length: 160 }) signature!: string;
  @Column({ name: 'key_id', type: 'varchar', length: 16 }) keyId!: string;
  @Column(timeCol('revoked_at', true)) revokedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
