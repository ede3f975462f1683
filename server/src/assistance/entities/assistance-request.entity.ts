import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AssistanceKind, AssistanceStatus } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

/** A request for the centre's own free help (帮办代办, 异地代办, 一对一专办) with a service. */
@Entity('assistance_requests')
export class AssistanceRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36, nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'service_id', type: 'varchar', length: 36 }) serviceId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: AssistanceKind;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: AssistanceStatus;
  @Column({ name: 'helper_id', type: 'varchar', length: 36, nullable: true }) helperId!: string | null;
  @Column({ name: 'assigned_by', type: 'varchar', length: 36, nullable: true }) assignedBy!: string | null;
  @Column(timeCol('assigned_at', true)) assignedAt!: Date | null;
  /** `remote`: 7 working days from acceptance (the first assignment) */
  @Column(timeCol('due_by', true)) dueBy!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
