import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConsultationStatus } from '@gov/shared';
import { timeCol } from '../../common/db/column-types';

/** A 咨询: a question to a hall (about a service or in general), answered within one working day. */
@Entity('consultations')
export class ConsultationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36 }) actorId!: string;
  @Column({ name: 'enterprise_id', type: 'varchar', length: 36, nullable: true }) enterpriseId!: string | null;
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true }) serviceId!: string | null;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ConsultationStatus;
  @Column(timeCol('answer_by')) answerBy!: Date;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  /** 首问负责: the staff member who answered first */
  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true }) answeredBy!: string | null;
  @Column({ name: 'answerer_name', type: 'varchar', length: 64, nullable: true }) answererName!: string | null;
  @Column(timeCol('answered_at', true)) answeredAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
