import { Column, Entity } from 'typeorm';
import type { Audience, DeliveryMethod } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import { jsonText } from './json-text.transformer';

/** A service item (事项) with the elements of its published guide. Money in fen. */
@Entity('services')
export class ServiceEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 64 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ name: 'sub_item', type: 'varchar', length: 200, nullable: true }) subItem!: string | null;
  @RefColumn('department_id') departmentId!: string;
  @Column({ type: 'text' }) scope!: string;
  @Column({ name: 'accepting_body', type: 'text' }) acceptingBody!: string;
  @Column({ name: 'deciding_body', type: 'text' }) decidingBody!: string;
  @Column({ type: 'text' }) conditions!: string;
  @Column({ type: 'text', transformer: jsonText<string[]>([]) }) process!: string[];
  @Column({ type: 'text' }) basis!: string;
  @Column({ name: 'legal_days', type: 'int' }) legalDays!: number;
  @Column({ name: 'promised_days', type: 'int' }) promisedDays!: number;
  @Column({ name: 'fee_free', type: 'boolean', default: true }) feeFree!: boolean;
  /** fen; null when free */
  @Column({ name: 'fee_amount', type: 'int', nullable: true }) feeAmount!: number | null;
  @Column({ name: 'fee_basis', type: 'text', nullable: true }) feeBasis!: string | null;
  @Column({ type: 'text', transformer: jsonText<DeliveryMethod[]>([]) }) delivery!: DeliveryMethod[];
  @Column({ name: 'consult_phone', type: 'varchar', length: 32 }) consultPhone!: string;
  @Column({ name: 'complaint_phone', type: 'varchar', length: 32 }) complaintPhone!: string;
  @Column({ type: 'varchar', length: 16 }) audience!: Audience;
  @Column({ type: 'varchar', length: 64 }) category!: string;
  @Column({ type: 'text', transformer: jsonText<string[]>([]) }) keywords!: string[];
  @Column({ name: 'online_prereview', type: 'boolean', default: false }) onlinePrereview!: boolean;
  @Column({ name: 'key_project', type: 'boolean', default: false }) keyProject!: boolean;
  /** the certificate (电子证照) its approval issues, e.g. 食品经营许可证; null when it issues none */
  @Column({ name: 'certificate_type', type: 'varchar', length: 64, nullable: true }) certificateType!: string | null;
  /** years the certificate is valid for; null = 长期 */
  @Column({ name: 'certificate_years', type: 'int', nullable: true }) certificateYears!: number | null;
  /** 即办: decided and handed over at the window on the spot, no receipt and no promised-days clock (临沂 二(三)1) */
  @Column({ type: 'boolean', default: false }) instant!: boolean;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
