import { Column, Entity } from 'typeorm';
import type { ConsultationStatus } from '@gov/shared';
import { RefColumn, timeCol } from '../../common/db/column-types';
import { PrincipalColumns } from '../../common/db/principal-columns';

/** A 咨询: a question to a hall (about a service or in general), answered within one working day. */
@Entity('consultations')
export class ConsultationEntity extends PrincipalColumns {
  @RefColumn('service_id', true) serviceId!: string | null;
  @RefColumn('hall_id') hallId!: string;
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'varchar', length: 16 }) status!: ConsultationStatus;
  @Column(timeCol('answer_by')) answerBy!: Date;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  /** 首问负责: the staff member who answered first */
  @RefColumn('answered_by', true) answeredBy!: string | null;
  @Column({ name: 'answerer_name', type: 'varchar', length: 64, nullable: true }) answererName!: string | null;
  @Column(timeCol('answered_at', true)) answeredAt!: Date | null;
  /** the guide (办事指南) the answer links to */
  @RefColumn('guide_service_id', true) guideServiceId!: string | null;
  /** 督办: when the hall's supervisors were told it passed `answerBy` unanswered (once) */
  @Column(timeCol('escalated_at', true)) escalatedAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('updated_at')) updatedAt!: Date;
}
