import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

/** Events that reset a person's no-show count: staff reinstatement. */
@Entity('standing_events')
export class StandingEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'reinstated';
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column(timeCol('at')) at!: Date;
}
