import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

/** Events that reset a person's no-show count: staff reinstatement. */
@Entity('standing_events')
export class StandingEventEntity {
  @IdColumn() id!: string;
  @RefColumn('user_id') userId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'reinstated';
  @RefColumn('actor_id', true) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column(timeCol('at')) at!: Date;
}
