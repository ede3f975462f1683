import { Column, Entity } from 'typeorm';
import { IdType, Role, STAFF_ROLES, StaffRole } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** `window,reviewer` in the row; unknown words are dropped. */
const staffRolesColumn = {
  to: (v: StaffRole[] | null | undefined): string | null => (v && v.length ? v.join(',') : null),
  from: (v: string | null): StaffRole[] => (v ? v.split(',').filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)) : []),
};

@Entity('users')
export class UserEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 16 }) role!: Role;
  /** AES-256-GCM; never stored in clear */
  @Column({ name: 'phone_enc', type: 'text', nullable: true }) phoneEnc!: string | null;
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true }) phoneHash!: string | null;
  /** last four digits, for the public progress look-up */
  @Column({ name: 'phone_tail', type: 'varchar', length: 4, nullable: true }) phoneTail!: string | null;
  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true }) wechatOpenid!: string | null;
  @Column({ name: 'alipay_user_id', type: 'varchar', length: 64, nullable: true }) alipayUserId!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) username!: string | null;
  @Column({ name: 'password_hash', type: 'varchar', length: 100, nullable: true }) passwordHash!: string | null;
  @Column({ name: 'display_name', type: 'varchar', length: 64, nullable: true }) displayName!: string | null;
  @RefColumn('hall_id', true) hallId!: string | null;
  /** a reviewer's department (受审分离: they decide that department's filings of their hall) */
  @RefColumn('department_id', true) departmentId!: string | null;
  /** a staff account's duties (window, reviewer, supervisor); empty for citizens and admins */
  @Column({ name: 'staff_roles', type: 'varchar', length: 64, nullable: true, transformer: staffRolesColumn }) staffRoles!: StaffRole[];
  @Column({ name: 'real_name', type: 'varchar', length: 64, nullable: true }) realName!: string | null;
  @Column({ name: 'id_number_enc', type: 'text', nullable: true }) idNumberEnc!: string | null;
  /** keyed hash of idDocumentKey(idType, number): residents' is the bare number's (unchanged), others' carry the type */
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true }) idNumberHash!: string | null;
  /** the document verified against (null until verified; rows verified before it existed are `resident`) */
  @Column({ name: 'id_type', type: 'varchar', length: 24, nullable: true }) idType!: IdType | null;
  @Column(timeCol('verified_at', true)) verifiedAt!: Date | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  /** the privacy terms version last consented to (the history of consents is in the audit log) */
  @Column({ name: 'consent_version', type: 'varchar', length: 16, nullable: true }) consentVersion!: string | null;
  @Column(timeCol('consent_at', true)) consentAt!: Date | null;
  /** 注销: set when the person closed the account; the row then keeps no personal data */
  @Column(timeCol('closed_at', true)) closedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
