import { Column, Entity } from 'typeorm';
import { IdColumn, RefColumn, timeCol } from '../../common/db/column-types';

@Entity('callback_samples')
export class FollowUpSampleEntity {
  @IdColumn() id!: string;
  @RefColumn('application_id') applicationId!: string;
  /** YYYY-MM (Asia/Shanghai) of delivery */
  @Column({ type: 'varchar', length: 7 }) month!: string;
  @RefColumn('hall_id') hallId!: string;
  @Column({ name: 'key_project', type: 'boolean', default: false }) keyProject!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: 'pending' | 'done';
  @Column({ type: 'boolean', nullable: true }) reached!: boolean | null;
  @Column({ type: 'boolean', nullable: true }) satisfied!: boolean | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @RefColumn('called_by', true) calledBy!: string | null;
  @Column(timeCol('called_at', true)) calledAt!: Date | null;
  @Column(timeCol('created_at')) createdAt!: Date;
}
