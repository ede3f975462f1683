import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number issued per hall, Shanghai day and lane: incremented under its row lock. */
@Entity('queue_counters')
export class QueueCounterEntity {
  @PrimaryColumn({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) lane!: string;
  @Column({ name: 'last_seq', type: 'int', default: 0 }) lastSeq!: number;
}
