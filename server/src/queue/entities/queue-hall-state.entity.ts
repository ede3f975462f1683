import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/**
 * One row per hall whose queue changed: `version` goes up after every change, so that each
 * instance's stream poller learns of a change made on any instance with one cheap read a second.
 */
@Entity('queue_hall_state')
export class QueueHallStateEntity {
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ type: 'int', default: 0 }) version!: number;
  @Column(timeCol('changed_at')) changedAt!: Date;
}
