import { Column, Entity } from 'typeorm';
import type { PartStatus } from '@gov/shared';
import { jsonText } from '../../catalog/entities/json-text.transformer';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** One material a department flagged in its pre-review, and why. */
export interface PartFlag {
  materialId: string;
  reason: string;
}

/**
 * One service's part of a 一件事 filing: its department pre-reviews and decides it, within its own
 * promised days from the filing's acceptance (`dueAt`); `deemed` when its time ran out undecided
 * (超时默认, 罗山 联合办理 六(二)).
 */
@Entity('application_parts')
export class ApplicationPartEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  @RefColumn('service_id') serviceId!: string;
  @RefColumn('department_id') departmentId!: string;
  @Column({ name: 'sort_order', type: 'int', default: 0 }) sortOrder!: number;
  @Column({ type: 'varchar', length: 24 }) status!: PartStatus;
  @Column({ name: 'promised_days', type: 'int' }) promisedDays!: number;
  /** the filing's materials (application_materials.material_id) this part needs */
  @Column({ name: 'material_ids', type: 'text', transformer: jsonText<string[]>([]) }) materialIds!: string[];
  /** what this department flagged in the current round, with its reasons */
  @Column({ type: 'text', transformer: jsonText<PartFlag[]>([]) }) flags!: PartFlag[];
  @Column(timeCol('accepted_at', true)) acceptedAt!: Date | null;
  @Column(timeCol('due_at', true)) dueAt!: Date | null;
  @Column(timeCol('decided_at', true)) decidedAt!: Date | null;
  /** the reviewer who decided it; null when deemed */
  @RefColumn('decided_by', true) decidedBy!: string | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote!: string | null;
  @Column({ type: 'boolean', default: false }) deemed!: boolean;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
