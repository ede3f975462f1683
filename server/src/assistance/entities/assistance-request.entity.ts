import { Column, Entity } from 'typeorm';
import type { AssistanceKind, AssistanceStatus } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';
import { PrincipalColumns } from '../../common/db/principal-columns';

/** A request for the centre's own free help (帮办代办, 异地代办, 一对一专办) with a service. */
@Entity('assistance_requests')
export class AssistanceRequestEntity extends PrincipalColumns {
  @RefColumn('service_id') serviceId!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: AssistanceKind;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: AssistanceStatus;
  @RefColumn('helper_id', true) helperId!: string | null;
  @RefColumn('assigned_by', true) assignedBy!: string | null;
  @Column(timeCol('assigned_at', true)) assignedAt!: Date | null;
  /** `remote`: 7 working days from acceptance (the first assignment) */
  @Column(timeCol('due_by', true)) dueBy!: Date | null;
  /** marked done by the helper or a supervisor of the hall */
  @Column(timeCol('done_at', true)) doneAt!: Date | null;
  @RefColumn('done_by', true) doneBy!: string | null;
  /** a `remote` request past `dueBy` put before the hall's supervisors (once) */
  @Column(timeCol('escalated_at', true)) escalatedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
