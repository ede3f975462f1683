import { Column, Entity, PrimaryColumn } from 'typeorm';
import { timeCol } from '../../common/db/column-types';

@Entity('callback_samples')
export class FollowUpSampleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'application_id', type: 'varchar', length: 36 }) applicationId!: string;
  /** YYYY-MM (Asia/Shanghai) of delivery */
  @Column({ type: 'varchar', length: 7 }) month!: string;
  @Column({ name: 'hall_id', type: 'varchar', length: 36 }) hallId!: string;
  @Column({ name: 'key_project', type: 'boolean', default: false }) keyProject!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: 'pending' | 'done';
  @Column({ type: 'boolean', nullable: true }) reached!: boolean | null;
  @Column({ type: 'boolean', nullable: true }) satisfied!: boolean | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'called_by', type: 'varchar', length: 36, nullable: true }) calledBy!: string | null;
  @Column(timeCol('called_at', true)) calledAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
