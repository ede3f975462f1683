import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn } from '../../common/db/column-types';
import type { MaterialForm } from '@gov/shared';

/** One material a service asks for; `tolerable` = may be deferred under a credit commitment (容缺受理). */
@Entity('service_materials')
export class ServiceMaterialEntity {
  @IdColumn() id!: string;
  @RefColumn('service_id') serviceId!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'boolean', default: true }) required!: boolean;
  @Column({ type: 'boolean', default: false }) tolerable!: boolean;
  @Column({ type: 'int', default: 1 }) copies!: number;
  @Column({ type: 'varchar', length: 16 }) form!: MaterialForm;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** title of the blank form offered for download; null when there is none */
  /** 免提交: a valid certificate of this type held by the applicant satisfies it (e.g. 营业执照) */
  @Column({ name: 'certificate_type', type: 'varchar', length: 64, nullable: true }) certificateType!: string | null;
  @Column({ name: 'template_name', type: 'varchar', length: 200, nullable: true }) templateName!: string | null;
}
