import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MaterialForm } from '@gov/shared';

/** One material a service asks for; `tolerable` = may be deferred under a credit commitment (容缺受理). */
@Entity('service_materials')
export class ServiceMaterialEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'boolean', default: true }) required!: boolean;
  @Column({ type: 'boolean', default: false }) tolerable!: boolean;
  @Column({ type: 'int', default: 1 }) copies!: number;
  @Column({ type: 'varchar', length: 16 }) form!: MaterialForm;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** title of the blank form offered for download; null when there is none */
  @Column({ name: 'template_name', type: 'varchar', length: 200, nullable: true }) templateName!: string | null;
}
