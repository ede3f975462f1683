import { Column, Entity } from 'typeorm';
import { jsonText } from '../../catalog/entities/json-text.transformer';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import type { MaterialSnapshot } from '../applications.rules';

/** One material of a filing: a copy of the service's list entry at creation, with its review and commitment. */
@Entity('application_materials')
export class ApplicationMaterialEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  /** the service material (service_materials.id) */
  @RefColumn('material_id') materialId!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ type: 'boolean' }) tolerable!: boolean;
  /** the latest pre-review decision; null before any */
  @Column({ name: 'review_ok', type: 'boolean', nullable: true }) reviewOk!: boolean | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason!: string | null;
  /** named by a correction notice at some point */
  @Column({ name: 'flagged_ever', type: 'boolean', default: false }) flaggedEver!: boolean;
  /** the applicant changed it (files or commitment) after the first notice */
  @Column({ name: 'changed_after_notice', type: 'boolean', default: false }) changedAfterNotice!: boolean;
  /** as it stood when the latest correction notice went out; null before any (or for notices before snapshots were kept) */
  @Column({ name: 'notice_state', type: 'text', nullable: true, transformer: jsonText<MaterialSnapshot | null>(null) }) noticeState!: MaterialSnapshot | null;
  /** 容缺受理: the credit commitment to hand it in later */
  @Column(timeCol('committed_at', true)) committedAt!: Date | null;
  @Column({ name: 'commitment_text', type: 'text', nullable: true }) commitmentText!: string | null;
  /** 免提交: filled from this certificate of the applicant's instead of an upload */
  @RefColumn('reused_certificate_id', true) reusedCertificateId!: string | null;
}
