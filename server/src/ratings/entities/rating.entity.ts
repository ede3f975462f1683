import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';
import type { RatingStage } from '../ratings.rules';

const json = { to: (v: string[]) => JSON.stringify(v ?? []), from: (v: string | null) => (v ? (JSON.parse(v) as string[]) : []) };

@Entity('ratings')
export class RatingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'target_type', type: 'varchar', length: 16 }) targetType!: 'booking' | 'application';
  @Column({ name: 'target_id', type: 'varchar', length: 36 }) targetId!: string;
  /** the stage rated (one rating per target and stage): derived from the target's status when rated */
  @Column({ type: 'varchar', length: 16 }) stage!: RatingStage;
  /** the rater; never shown to the staff rated */
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36, nullable: true }) hallId!: string | null;
  @Column({ name: 'department_id', type: 'varchar', length: 36, nullable: true }) departmentId!: string | null;
  @Column({ name: 'service_id', type: 'varchar', length: 36, nullable: true }) serviceId!: string | null;
  /** the current score (after a re-rating, the new one) */
  @Column({ type: 'int' }) score!: number;
  @Column({ type: 'text', nullable: true, transformer: json }) tags!: string[];
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'first_score', type: 'int' }) firstScore!: number;
  @Column(timeCol('created_at')) createdAt!: Date;
  @Column(timeCol('rerated_at', true)) reratedAt!: Date | null;
}
