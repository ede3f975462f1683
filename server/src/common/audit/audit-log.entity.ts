import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../db/column-types';

/** Who did what to which object, when and why (staff actions, waivers, reinstatements). */
@Entity('audit_logs')
export class AuditLogEntity {
  @IdColumn() id!: string;
  @RefColumn('actor_id', true) actorId!: string | null;
  @Column({ type: 'varchar', length: 64 }) action!: string;
  @Column({ name: 'object_type', type: 'varchar', length: 32 }) objectType!: string;
  @RefColumn('object_id', true) objectId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'simple-json', nullable: true }) data!: Record<string, unknown> | null;
  @Column(timeCol('at')) at!: Date;
}
