import { Column, Entity } from 'typeorm';
import type { ApplicationStatus } from '@gov/shared';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import type { ActorKind } from '../applications.rules';

/** One step of a filing's timeline: who (and for whom), when, what state followed, and why. */
@Entity('application_events')
export class ApplicationEventEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  /** order within the filing: 1, 2, 3 … (several steps may share one instant) */
  @Column({ type: 'int' }) seq!: number;
  @Column(timeCol('at')) at!: Date;
  /** the state after the step */
  @Column({ type: 'varchar', length: 24 }) status!: ApplicationStatus;
  @Column({ type: 'varchar', length: 24 }) action!: string;
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 }) actorKind!: ActorKind;
  @RefColumn('actor_id', true) actorId!: string | null;
  /** staff display name, or 系统 */
  @Column({ name: 'actor_name', type: 'varchar', length: 64, nullable: true }) actorName!: string | null;
  /** the person the actor acted for, when an agent acted */
  @RefColumn('principal_id', true) principalId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
