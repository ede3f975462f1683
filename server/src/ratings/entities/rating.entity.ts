import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';
import type { RatingStage, RatingTargetType } from '../ratings.rules';

const json = { to: (v: string[]) => JSON.stringify(v ?? []), from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []) };

@Entity('ratings')
export class RatingEntity {
  @IdColumn() id!: string;
  @Column({ name: 'target_type', type: 'varchar', length: 16 }) targetType!: RatingTargetType;
  @RefColumn('target_id') targetId!: string;
  /** the stage rated (one rating per target and stage): derived from the target's status when rated */
  @Column({ type: 'varchar', length: 16 }) stage!: RatingStage;
  /** the rater; never shown to the staff rated */
  @RefColumn('user_id') userId!: string;
  @RefColumn('hall_id', true) hallId!: string | null;
  @RefColumn('department_id', true) departmentId!: string | null;
  @RefColumn('service_id', true) serviceId!: string | null;
  /** the current score (after a re-rating, the new one) */
  @Column({ type: 'int' }) score!: number;
  @Column({ type: 'text', nullable: true, transformer: json }) tags!: string[];
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'first_score', type: 'int' }) firstScore!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('rerated_at', true)) reratedAt!: Date | null;
}
